/**
 * What a file's first bytes say it is, before anything is parsed: an .xlsx is a zip package ("PK");
 * Excel and WPS save a password-protected workbook, and used to save every workbook (.xls), as an
 * OLE compound file. The CLI's file host and the standalone page both ask here, so a wrong file
 * gets the same answer from either.
 */

/** An OLE compound file's signature (MS-CFB 2.2). */
const COMPOUND_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream that holds an encrypted .xlsx package (MS-OFFCRYPTO 2.3.4), as its directory entry spells it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat();

/** 'zip' for "PK" (any zip record: a local file, or an empty archive's end record), 'compound' for an OLE compound file. */
export function fileSignature(bytes: Uint8Array): 'zip' | 'compound' | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (bytes.length >= COMPOUND_MAGIC.length && COMPOUND_MAGIC.every((b, i) => bytes[i] === b)) return 'compound';
  return undefined;
}

/**
 * Which compound file the bytes are, when they are one: an encrypted workbook (it has an
 * EncryptedPackage stream) or else an old .xls; undefined for anything else. Such files are not
 * zip packages, so without this they would be refused only as damaged.
 */
export function compoundFileKind(bytes: Uint8Array): 'encrypted' | 'xls' | undefined {
  if (fileSignature(bytes) !== 'compound') return undefined;
  const first = ENCRYPTED_PACKAGE[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + ENCRYPTED_PACKAGE.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    if (ENCRYPTED_PACKAGE.every((b, j) => bytes[i + j] === b)) return 'encrypted';
  }
  return 'xls';
}
