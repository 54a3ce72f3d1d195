import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sourceFiles } from '../support/source-files.js';
import {
  errorCategories,
  errorCodes,
  explain,
  explainLine,
  findExplanation,
  previewReasons,
} from '../../shared/contract/index.js';
import { SPECIFIC_CODES } from '../../main/engine/rules/error-codes.js';

const engine = new URL('../../main/engine/', import.meta.url).pathname;

/** Upper-case literals in the engine that are not codes a person meets (rule names, a stored value, a prefix). */
const notCodes = new Set([
  'PREFER_SF_UNLESS_BLANK',
  'ALWAYS_SF',
  'TWO_WAY',
  'NONE',
  'COMPANY_AUTO_ASSOCIATION',
  'CREATE_',
  'ASSOCIATION',
]);

/** Every code the engine can put in a reason, a problem or an error: literals like 'AMBIGUOUS_MATCH'. */
function engineCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(engine)) {
    for (const [, code] of readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})'/g)) {
      if (code && !notCodes.has(code)) codes.add(code);
    }
  }
  return [...codes].sort();
}

describe('plain-language explanations', () => {
  test('every reason, error code and category the engine or the contract uses has one', () => {
    const codes = [
      ...previewReasons,
      'SYNC_OFF',
      ...errorCodes,
      ...errorCategories,
      'UNCATEGORIZED',
      'WARNING',
      'CONFLICT_SF_WINS',
      'CONFLICT_HS_WINS',
      ...Object.keys(SPECIFIC_CODES),
      ...engineCodes(),
    ];
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((code) => findExplanation(code) === null)).toEqual([]);
  });

  test('no explanation carries a rule id or a raw code', () => {
    for (const code of [...previewReasons, ...errorCodes, ...errorCategories, ...engineCodes()]) {
      const line = explainLine(code);
      expect(line, code).not.toMatch(/\bR\d+(\.\d+)?[a-z]?\b/);
      expect(line, code).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    }
  });

  test('the kinds colour the reasons: create, veto, linked and held mean different things', () => {
    expect(explain('CREATE_AUTO_ASSOCIATED').kind).toBe('create');
    expect(explain('VETO_ALL_LEADS').kind).toBe('veto');
    expect(explain('ALREADY_LINKED').kind).toBe('linked');
    expect(explain('AMBIGUOUS_MATCH').kind).toBe('hold');
    expect(explain('PROPERTY_VALUE').kind).toBe('error');
  });

  test('a held match and a rejected value come with the fix a person can make', () => {
    expect(explain('AMBIGUOUS_MATCH').fix).toMatch(/Held for review/);
    expect(explain('PICKLIST_VALUE_MISSING').fix).toMatch(/option/);
    expect(explain('INVALID_OPTION').fix).toMatch(/stop syncing the field/);
  });

  test('an unknown code is shown in words, never hidden', () => {
    expect(findExplanation('SOMETHING_NEW')).toBeNull();
    expect(explain('SOMETHING_NEW')).toMatchObject({ label: 'Something new', fix: null });
    expect(explainLine('VETO_ALL_LEADS')).toMatch(/^Every contact is a lead: .+ Fix: Convert a lead/);
  });
});
