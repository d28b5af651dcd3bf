// The fields of a refusal (`details` of the API's error body), in words: the row and column of a
// CSV line, or the field's name, then why, from the rule broken (`rule`, `limit`), never the
// server's English reason.
import { has, t } from './i18n.js';

/**
 * @typedef {object} ErrorDetail
 * @property {string} field   path as sent, e.g. `rows[5].name`, `courts[0].id`
 * @property {string} reason  the server's English sentence (not shown)
 * @property {number} [row]   CSV line (the header is line 1)
 * @property {string} [column] CSV column as written in the header
 * @property {string} [rule]  the validation rule broken, e.g. `isNotEmpty`, `maxLength`
 * @property {number} [limit] the bound of `maxLength`, `max`, …
 */

/** When a value is missing every rule fails: the most basic one says it all. */
const FIRST_RULES = ['notNull', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber'];
const rank = (/** @type {ErrorDetail} */ d) => {
  const i = FIRST_RULES.indexOf(d.rule ?? '');
  return i < 0 ? FIRST_RULES.length : i;
};

/**
 * A field's name in words: `names` (the form's own labels) first, then the shared field words.
 * @param {string} path
 * @param {Record<string, string>} [names]
 */
export function fieldWord(path, names = {}) {
  const last =
    path
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop() ?? path;
  if (names[last]) return names[last];
  return has(`field_${last}`) ? t(`field_${last}`) : last;
}

/** @param {ErrorDetail} d */
export const reasonWord = (d) =>
  d.rule && has(`rule_${d.rule}`) ? t(`rule_${d.rule}`, { limit: d.limit ?? '' }) : t('rule_other');

/**
 * One sentence per refused field (the most telling rule of each), in the order the server sent them.
 * @param {ErrorDetail[] | undefined} details
 * @param {Record<string, string>} [names] field → label of the form that sent it
 * @returns {string[]}
 */
export function detailLines(details, names = {}) {
  /** @type {Map<string, ErrorDetail>} */
  const byField = new Map();
  for (const d of Array.isArray(details) ? details : []) {
    if (!d || typeof d.field !== 'string') continue;
    const key = `${d.row ?? ''}|${d.field}`;
    const seen = byField.get(key);
    if (!seen || rank(d) < rank(seen)) byField.set(key, d);
  }
  return [...byField.values()].map((d) => {
    if (typeof d.row === 'number') {
      const column =
        d.column && !/^[A-Za-z.[\]0-9]+$/.test(d.column) ? d.column : fieldWord(d.column ?? d.field, names);
      return t('errLine', { row: d.row, column, reason: reasonWord(d) });
    }
    return t('errField', { field: fieldWord(d.field, names), reason: reasonWord(d) });
  });
}
