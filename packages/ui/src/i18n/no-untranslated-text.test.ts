// Every word a person reads comes from the dictionary: this walks the UI's
// sources with the TypeScript parser and fails on text written straight into
// JSX, on labelling attributes given a literal, and on Chinese outside
// messages.ts (and its messages-<area>.ts parts).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');
const LABEL_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'label']);
const LETTER = /\p{L}/u;
const HAN = /\p{Script=Han}/u;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function findings(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(src, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) {
      out.push(`${where(node)} JSX text "${node.text.trim()}"`);
    }
    if (
      ts.isJsxAttribute(node) &&
      LABEL_ATTRIBUTES.has(node.name.getText(sf)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      LETTER.test(node.initializer.text)
    ) {
      out.push(`${where(node)} ${node.name.getText(sf)}="${node.initializer.text}"`);
    }
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      HAN.test(node.text) &&
      !/[\\/]i18n[\\/]messages(-[a-z]+)?\.ts$/.test(file)
    ) {
      out.push(`${where(node)} Chinese outside the dictionary "${node.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('UI sources', () => {
  const files = sources(src);

  it('are found', () => {
    expect(files.some((f) => f.endsWith('app.tsx'))).toBe(true);
  });

  it('write no words outside the dictionary', () => {
    expect(files.flatMap(findings)).toEqual([]);
  });
});
