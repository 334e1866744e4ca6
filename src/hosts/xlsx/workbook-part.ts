/**
 * xl/workbook.xml: the sheet list (tab order, names, hidden state, relationship ids), defined
 * names (print titles and areas carry a 0-based `localSheetId` that shifts when sheets are
 * inserted), the date system and the active tab. We edit only these pieces and splice them back
 * into the original text, so everything else in the part (calcPr, extensions) stays as it was.
 */
import { attr, attrAnyPrefix, element, elements, escapeAttr, escapeText, rootPrefix } from './xml';

export interface SheetRec {
  name: string;
  sheetId: number;
  rId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Resolved worksheet part name ('xl/worksheets/sheet3.xml'). */
  part: string;
  /** The original `<sheet>` element, kept verbatim for sheets we did not add. */
  raw?: string;
}

export interface DefinedName {
  /** The original element, when it came from the file. */
  raw?: string;
  name: string;
  /** The sheet a sheet-scoped name belongs to (followed when sheets move). */
  sheet?: SheetRec;
  value: string;
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export class WorkbookPart {
  readonly sheets: SheetRec[];
  readonly definedNames: DefinedName[];
  readonly date1904: boolean;
  private changed = false;
  private readonly p: string;
  private readonly relPrefix: string | undefined;

  constructor(
    private xml: string,
    resolve: (rId: string) => string | undefined,
  ) {
    this.p = rootPrefix(xml);
    const decl = /xmlns:([\w.-]+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml);
    this.relPrefix = decl?.[1];
    const pr = element(xml, 'workbookPr');
    const d = pr ? attr(pr.start, 'date1904') : undefined;
    this.date1904 = d === '1' || d === 'true';
    const sheetsEl = element(xml, 'sheets');
    this.sheets = [];
    for (const s of sheetsEl ? elements(sheetsEl.inner, 'sheet') : []) {
      const rId = attrAnyPrefix(s.start, 'id') ?? '';
      const part = resolve(rId);
      if (part === undefined) continue; // a sheet without its part: nothing to read or keep
      const state = attr(s.start, 'state');
      this.sheets.push({
        name: attr(s.start, 'name') ?? '',
        sheetId: Number(attr(s.start, 'sheetId') ?? 0),
        rId,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part,
        raw: s.text,
      });
    }
    const dn = element(xml, 'definedNames');
    const original = [...this.sheets];
    this.definedNames = (dn ? elements(dn.inner, 'definedName') : []).map((e) => {
      const local = attr(e.start, 'localSheetId');
      const sheet = local === undefined ? undefined : original[Number(local)];
      return { raw: e.text, name: attr(e.start, 'name') ?? '', value: e.inner, ...(sheet ? { sheet } : {}) };
    });
  }

  get isChanged(): boolean {
    return this.changed;
  }

  touch(): void {
    this.changed = true;
  }

  find(name: string): SheetRec | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  nextSheetId(): number {
    return this.sheets.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
  }

  /** Replaces the sheet-scoped names `name` of `sheet` (print titles, print area) with `value`, or removes them. */
  setSheetName(sheet: SheetRec, name: string, value: string | undefined): void {
    for (let i = this.definedNames.length - 1; i >= 0; i--) {
      const d = this.definedNames[i] as DefinedName;
      if (d.sheet === sheet && d.name === name) this.definedNames.splice(i, 1);
    }
    if (value !== undefined) this.definedNames.push({ name, sheet, value });
    this.changed = true;
  }

  /** The edited part text. */
  serialize(): string {
    if (!this.changed) return this.xml;
    const p = this.p;
    let xml = this.xml;
    const relAttr = this.relPrefix ? `${this.relPrefix}:id` : 'r:id';
    const relDecl = this.relPrefix ? '' : ` xmlns:r="${NS_REL}"`;
    const sheetsXml = this.sheets
      .map((s) => s.raw ?? `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${s.sheetId}"${s.state !== 'visible' ? ` state="${s.state}"` : ''} ${relAttr}="${s.rId}"${relDecl}/>`)
      .join('');
    const sheetsEl = element(xml, 'sheets');
    if (!sheetsEl) throw new Error('workbook.xml has no <sheets>');
    xml = `${xml.slice(0, sheetsEl.index)}<${p}sheets>${sheetsXml}</${p}sheets>${xml.slice(sheetsEl.index + sheetsEl.text.length)}`;

    const names = this.definedNames
      .filter((d) => d.sheet === undefined || this.sheets.includes(d.sheet))
      .map((d) => {
        const local = d.sheet ? this.sheets.indexOf(d.sheet) : undefined;
        if (d.raw !== undefined) {
          if (local === undefined) return d.raw;
          return d.raw.replace(/(\slocalSheetId\s*=\s*)"\d+"/, `$1"${local}"`);
        }
        return `<${p}definedName name="${escapeAttr(d.name)}"${local !== undefined ? ` localSheetId="${local}"` : ''}>${escapeText(d.value)}</${p}definedName>`;
      });
    const dn = element(xml, 'definedNames');
    const dnXml = names.length > 0 ? `<${p}definedNames>${names.join('')}</${p}definedNames>` : '';
    if (dn) xml = xml.slice(0, dn.index) + dnXml + xml.slice(dn.index + dn.text.length);
    else if (dnXml) {
      // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
      const after = element(xml, 'externalReferences') ?? element(xml, 'functionGroups') ?? (element(xml, 'sheets') as NonNullable<ReturnType<typeof element>>);
      const at = after.index + after.text.length;
      xml = xml.slice(0, at) + dnXml + xml.slice(at);
    }
    this.xml = xml;
    this.changed = false;
    return xml;
  }

  /** Points the workbook view's active tab (and first visible tab) at `index`. */
  setActiveTab(index: number): void {
    const view = element(this.xml, 'workbookView');
    if (!view) return;
    let start = view.start;
    start = /\sactiveTab\s*=/.test(start) ? start.replace(/(\sactiveTab\s*=\s*)"\d+"/, `$1"${index}"`) : start.replace(/(\/?>)$/, ` activeTab="${index}"$1`);
    start = start.replace(/\sfirstSheet\s*=\s*"\d+"/, '');
    this.xml = this.xml.slice(0, view.index) + start + this.xml.slice(view.index + view.start.length);
    this.changed = true;
  }

  activeTab(): number {
    const view = element(this.xml, 'workbookView');
    return Number((view && attr(view.start, 'activeTab')) ?? 0);
  }
}

/** A sheet reference for a formula or defined name: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
