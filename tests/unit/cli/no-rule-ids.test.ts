/**
 * Rule ids (R1.1, R6.4, "(R3.4)", "R7" …) belong in the spec, tests and code comments; never in what a person reads.
 * Every string literal, template text and JSX text of the code that produces help, messages, output and screens is
 * read with the TypeScript scanner (comments are skipped by construction) and must carry none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { sourceFiles } from '../../support/source-files.js';

const ROOTS = ['main/cli', 'main/app', 'main/engine', 'main/demo', 'main/web', 'renderer/src', 'shared/contract'];
const RULE_ID = /\bR(10|[0-9])(\.\d+[a-z]?)?\b/;

const TEXT_TOKENS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
]);

/** The text pieces of a file, by walking its syntax tree (so template middles and JSX text are found too). */
function texts(path: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (TEXT_TOKENS.has(node.kind)) {
      const text = (node as ts.LiteralLikeNode).text;
      // SQL keeps its own comments (`-- R0.1 …`): they are code, not output.
      const readable = text.replace(/--[^\n]*/g, '');
      out.push({ text: readable, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

test('no user-facing string in the CLI, the app, the engine, the renderer or the contract carries a rule id', () => {
  const hits: string[] = [];
  for (const root of ROOTS) {
    for (const path of sourceFiles(root)) {
      for (const { text, line } of texts(path)) {
        const match = RULE_ID.exec(text);
        if (match) hits.push(`${path}:${line}: ${match[0]} in "${text.slice(0, 80)}"`);
      }
    }
  }
  expect(hits).toEqual([]);
});

test('the scanner finds a rule id in a string and ignores one in a comment', () => {
  const dir = join(process.cwd(), 'tests/unit/cli');
  const sample = join(dir, 'no-rule-ids.test.ts');
  expect(texts(sample).some(({ text }) => RULE_ID.test(text))).toBe(true); // this file's own examples
  expect(RULE_ID.test('wait for a person (R6.4)')).toBe(true);
  expect(RULE_ID.test('Field mappings R7')).toBe(true);
  expect(RULE_ID.test('R10 deletes')).toBe(true);
  expect(RULE_ID.test('ROUND2 or R2D2')).toBe(false);
});
