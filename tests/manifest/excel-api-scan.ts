/**
 * Every Excel JavaScript API member the add-in's source touches, found by the TypeScript checker
 * (not by name guessing): each property access or call whose symbol is declared in
 * @types/office-js under the Excel namespace, with the requirement sets the declaration's doc
 * comment names ("[Api set: ExcelApi 1.4]"). @types/office-js is generated from Microsoft's
 * Office.js reference, so those comments are the documentation's own.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface ApiUse {
  /** 'Worksheet.getRangeByIndexes', 'Excel.run' … */
  member: string;
  /** Every ExcelApi version the doc comment names (1.1, 1.4, 1.15 for TableRowCollection.add). */
  documented: string[];
  /** The ExcelApi set of the class or interface that declares it ([] for Excel.run, RequestContext). */
  ownerSets: string[];
  /** Where it is used, 'src/hosts/excel/excel-read.ts:42', first use only. */
  at: string;
  /** Largest number of arguments any call passes. */
  maxArgs: number;
}

const ROOT = join(__dirname, '..', '..');

/** The source files that call the Excel API: the Excel host and the custom functions (the pane reaches Excel only through the host). */
export function officeSourceFiles(): string[] {
  const dirs = ['src/hosts/excel', 'src/functions'];
  return dirs.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')).map((f) => join(ROOT, d, f)));
}

function docSets(decl: ts.Declaration): string[] {
  const sf = decl.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, decl.getFullStart()) ?? [];
  const text = ranges.map((r) => sf.text.slice(r.pos, r.end)).join('\n');
  const m = /\[Api set: ExcelApi ([^\]]+)\]/.exec(text);
  return m ? [...(m[1] ?? '').matchAll(/\b1\.\d+\b/g)].map((x) => x[0]) : [];
}

function ownerSets(decl: ts.Declaration): string[] {
  const p = decl.parent;
  return ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p) ? docSets(p) : [];
}

function ownerName(decl: ts.Declaration): string {
  const p = decl.parent;
  if ((ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p)) && p.name) return p.name.text;
  return 'Excel';
}

export function scanExcelApi(files: readonly string[] = officeSourceFiles()): Map<string, ApiUse> {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const program = ts.createProgram([...files], { ...(config?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  const uses = new Map<string, ApiUse>();
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in the program: ${file}`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        const inOfficeJs = decl !== undefined && /[\\/]@types[\\/]office-js[\\/]/.test(decl.getSourceFile().fileName);
        if (decl && inOfficeJs && isInExcelNamespace(decl)) {
          const member = `${ownerName(decl)}.${node.name.text}`;
          const args = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent.arguments.length : 0;
          const line = sf.getLineAndCharacterOfPosition(node.name.getStart()).line + 1;
          const prev = uses.get(member);
          if (prev) prev.maxArgs = Math.max(prev.maxArgs, args);
          else uses.set(member, { member, documented: docSets(decl), ownerSets: ownerSets(decl), at: `${file.slice(ROOT.length + 1)}:${line}`, maxArgs: args });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

function isInExcelNamespace(decl: ts.Node): boolean {
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if (ts.isModuleDeclaration(n)) return n.name.text === 'Excel';
  }
  return false;
}
