// Every error code the server can answer with has words on the pages: a table entry in
// web/assets/js/error-texts.js (desk and scorekeeper console) or an `err_` key in the i18n table.
// A new code thrown without Chinese words fails here, naming the code and where it is thrown.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = join(process.cwd());
const SRC = join(ROOT, 'src');
const WEB = join(ROOT, 'web/assets/js');

/** The ways a code is thrown: the domain-error helpers, `code: 'X'` objects, the filter's `make(…)`. */
const THROWS = [
  /\b(?:invalid|conflict|notFound|forbidden|unauthenticated|rateLimited|tooLarge|unsupportedMedia|unavailable|DomainError)\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bcode:\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bmake\(\s*\d{3},\s*'([A-Z][A-Z0-9_]+)'/g,
];

function thrownCodes(): Map<string, string> {
  const where = new Map<string, string>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.endsWith('.d.ts'),
  );
  for (const file of files) {
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const pattern of THROWS) {
      for (const m of text.matchAll(pattern)) {
        const line = text.slice(0, m.index).split('\n').length;
        if (!where.has(m[1]!)) where.set(m[1]!, `src/${file}:${line}`);
      }
    }
  }
  return where;
}

/** The i18n table and the dictionaries it spreads into itself (`import … from './x.js'`). */
function i18nErrKeys(): Set<string> {
  const main = join(WEB, 'i18n.js');
  const text = readFileSync(main, 'utf8');
  const sources = [text];
  for (const m of text.matchAll(/^import\s[^;]*?from\s+'(\.[^']+)';/gm)) {
    sources.push(readFileSync(join(dirname(main), m[1]!), 'utf8'));
  }
  const keys = new Set<string>();
  for (const source of sources) {
    for (const m of source.matchAll(/^\s*['"]?err_([A-Z][A-Z0-9_]+)['"]?\s*:/gm)) keys.add(m[1]!);
  }
  return keys;
}

/** The entries of error-texts.js: `CODE: ['中文', 'English']`, possibly over several lines. */
function errorTexts(): Map<string, [string, string]> {
  const text = readFileSync(join(WEB, 'error-texts.js'), 'utf8');
  const entries = new Map<string, [string, string]>();
  const entry = /^ {2}([A-Z][A-Z0-9_]+):\s*\[\s*'((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)',?\s*\],?$/gm;
  for (const m of text.matchAll(entry)) entries.set(m[1]!, [m[2]!, m[3]!]);
  return entries;
}

describe('error codes have words on the pages', () => {
  const thrown = thrownCodes();
  const texts = errorTexts();
  const errKeys = i18nErrKeys();

  it('finds the codes the server throws and the words the pages have', () => {
    // The scan itself works: well-known codes of each kind of throw are found.
    for (const code of [
      'VALIDATION_FAILED',
      'INTERNAL_ERROR',
      'TEAM_NAME_TAKEN',
      'SCHEDULE_INFEASIBLE',
      'GAME_SAME_TEAMS',
    ]) {
      expect(thrown.has(code)).toBe(true);
    }
    expect(thrown.size).toBeGreaterThan(150);
    expect(texts.size).toBeGreaterThan(100);
    expect(errKeys.has('PLAYER_NOT_ON_COURT')).toBe(true);
    // Every entry line of the table was understood (none written in a shape the scan misses).
    const lines = readFileSync(join(WEB, 'error-texts.js'), 'utf8').match(/^ {2}[A-Z][A-Z0-9_]+:/gm) ?? [];
    expect(lines.length).toBe(texts.size);
  });

  it('has Chinese and English words for every code thrown under src/', () => {
    const missing = [...thrown]
      .filter(([code]) => !texts.has(code) && !errKeys.has(code))
      .map(([code, at]) => `${code} (${at})`);
    expect(missing).toEqual([]);
  });

  it('words each code in plain Chinese first and English second, without the code itself', () => {
    const bad = [...texts]
      .filter(
        ([code, [zh, en]]) =>
          !/[\u4e00-\u9fff]/.test(zh) || !/[A-Za-z]/.test(en) || zh.includes(code) || en.includes(code),
      )
      .map(([code]) => code);
    expect(bad).toEqual([]);
  });

  it('is imported by the desk and the console only, not by the fan pages', () => {
    const importers = readdirSync(WEB, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .filter((f) => /from\s+'[./]*\/?error-texts\.js'/.test(readFileSync(join(WEB, f), 'utf8')))
      .map((f) => relative(WEB, join(WEB, f)))
      .sort();
    expect(importers).toEqual(['desk/errors.js', 'scorer/errors.js']);
  });
});
