/**
 * The parts of a new, empty workbook (what `init` and `sample` start from): content types,
 * package and workbook relationships, the workbook with no sheets yet, styles and core
 * properties. No theme part: the standard does not require one, and LibreOffice writes none.
 */
import type { XlsxLimits } from './limits';
import { CT, OpcPackage, REL } from './package';
import { EMPTY_WORKBOOK } from './sheet-write';
import { EMPTY_STYLES } from './styles';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function skeletonPackage(limits: XlsxLimits, now = new Date()): OpcPackage {
  const pkg = new OpcPackage(undefined, limits);
  pkg.write(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/><Override PartName="/docProps/core.xml" ContentType="${CT.core}"/></Types>`,
  );
  pkg.write(
    '_rels/.rels',
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL.coreProps}" Target="docProps/core.xml"/></Relationships>`,
  );
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  pkg.write(
    'docProps/core.xml',
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Cunzhang 村账</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  pkg.write('xl/workbook.xml', EMPTY_WORKBOOK);
  pkg.write(
    'xl/_rels/workbook.xml.rels',
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
  );
  pkg.write('xl/styles.xml', EMPTY_STYLES);
  return pkg;
}
