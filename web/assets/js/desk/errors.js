// Every refusal the organiser meets on the desk, in words from its code and the fields it names
// (../error-details.js): Chinese first, English when chosen, never the server's English message.
import { ApiError, NetworkError } from '../api.js';
import { detailLines } from '../error-details.js';
import { errorWords } from '../error-texts.js';
import { currentLang, has, t } from '../i18n.js';

/** A problem the page itself found (no file chosen, …): its message is already in words. */
export class DeskProblem extends Error {}

/**
 * @typedef {{ text: string, lines: string[] }} ProblemText
 * @param {unknown} e
 * @param {Record<string, string>} [names] field → the form's own label
 * @returns {ProblemText}
 */
export function deskErrorText(e, names) {
  if (e instanceof DeskProblem) return { text: e.message, lines: [] };
  if (e instanceof NetworkError) return { text: t('offline'), lines: [] };
  if (!(e instanceof ApiError)) return { text: t('errUnknown'), lines: [] };
  const code = e.code ?? '';
  const lines = detailLines(e.body?.details, names);
  // The desk's own words first, then the shared table of refusals (../error-texts.js), then i18n.js.
  const words = code ? errorWords(code, currentLang()) : undefined;
  let text;
  if (has(`deskErr_${code}`)) text = t(`deskErr_${code}`);
  else if (words) text = words;
  else if (has(`err_${code}`)) text = t(`err_${code}`);
  else if (e.status === 401) text = t('sessionEnded');
  else if (e.status === 403) text = t('deskErr_forbiddenDesk');
  else if (e.status === 429) text = t('err_rate');
  else if (e.status >= 500) text = t('err_server');
  else text = t('errCodedDesk', { code: code || e.status });
  // The first lines in full, the rest counted: a 200-line file with one bad column stays readable.
  const shown = lines.slice(0, 8);
  if (lines.length > shown.length) shown.push(t('errMore', { n: lines.length - shown.length }));
  return { text, lines: shown };
}
