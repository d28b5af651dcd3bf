import type { ErrorDetail } from '../shared/domain-error.js';

/** The roster fields a CSV column can fill. */
export type RosterField = 'name' | 'jerseyNumber' | 'position' | 'employer' | 'nationalId';

// Header spellings seen on union registration forms (Chinese) and in English exports.
const HEADER_ALIASES: Record<RosterField, string[]> = {
  name: ['姓名', '名字', '球员姓名', '球员', 'name', 'player', 'playername', 'player name'],
  jerseyNumber: [
    '号码',
    '球衣号码',
    '球衣号',
    '背号',
    '号',
    'jersey',
    'jerseynumber',
    'jersey number',
    'number',
    'no',
    'no.',
    '#',
  ],
  position: ['位置', '场上位置', 'position', 'pos'],
  employer: ['工作单位', '单位', '所在单位', '公司', 'employer', 'company', 'workplace'],
  nationalId: ['身份证号', '身份证号码', '身份证', '证件号码', 'nationalid', 'national id', 'id number', 'idnumber'],
};

const POSITION_ALIASES: Record<string, string> = {
  控球后卫: 'PG',
  组织后卫: 'PG',
  得分后卫: 'SG',
  小前锋: 'SF',
  大前锋: 'PF',
  中锋: 'C',
  后卫: 'G',
  前锋: 'F',
};

export interface HeaderMap {
  fields: Map<number, RosterField>;
  problems: ErrorDetail[];
}

/** Maps header cells to roster fields; unknown or repeated columns and missing required ones are problems. */
export function mapRosterHeader(header: string[]): HeaderMap {
  const fields = new Map<number, RosterField>();
  const problems: ErrorDetail[] = [];
  const seen = new Map<RosterField, string>();
  header.forEach((raw, i) => {
    const cell = raw.trim();
    const key = cell.toLowerCase().replace(/\s+/g, ' ');
    const field = (Object.keys(HEADER_ALIASES) as RosterField[]).find((f) => HEADER_ALIASES[f].includes(key));
    if (!field) {
      if (cell !== '')
        problems.push({
          field: 'header',
          row: 1,
          column: cell,
          reason: `unknown column "${cell}"; expected 姓名, 号码, 位置, 工作单位, 身份证号 (or name, jerseyNumber, position, employer, nationalId)`,
        });
      return;
    }
    if (seen.has(field)) {
      problems.push({ field: 'header', row: 1, column: cell, reason: `column "${cell}" repeats "${seen.get(field)}"` });
      return;
    }
    seen.set(field, cell);
    fields.set(i, field);
  });
  for (const required of ['name', 'jerseyNumber'] as const) {
    if (!seen.has(required))
      problems.push({
        field: 'header',
        row: 1,
        reason: `missing the ${required === 'name' ? '姓名 (name)' : '号码 (jerseyNumber)'} column`,
      });
  }
  return { fields, problems };
}

/**
 * Turns one data row into the fields of a player, as the API would receive them: numbers as
 * numbers when they are whole numbers, Chinese position names as codes, empty cells left out.
 */
export function rosterRowToInput(cells: string[], fields: Map<number, RosterField>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const value = (cells[i] ?? '').trim();
    if (value === '') return;
    if (field === 'jerseyNumber') input[field] = /^\d{1,3}$/.test(value) ? Number(value) : value;
    else if (field === 'position') input[field] = POSITION_ALIASES[value] ?? value.toUpperCase();
    else input[field] = value;
  });
  return input;
}

/** The header text of the column that fills a field (for error reports). */
export function columnOf(fields: Map<number, RosterField>, header: string[], field: string): string | undefined {
  for (const [i, f] of fields) if (f === field) return header[i]?.trim();
  return undefined;
}
