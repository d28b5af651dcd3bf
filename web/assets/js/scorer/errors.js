// Every refusal the scorer meets, in words from its code (../error-texts.js, then i18n.js), never the server's English
// message: a code we have no words for still reads as a sentence, with the code to quote.
import { ApiError, NetworkError } from '../api.js';
import { detailLines } from '../error-details.js';
import { errorWords } from '../error-texts.js';
import { currentLang, has, t } from '../i18n.js';

/** @param {unknown} e */
export function errorText(e) {
  if (e instanceof NetworkError) return t('offline');
  if (!(e instanceof ApiError)) return t('errUnknown');
  if (e.code === 'VALIDATION_FAILED') {
    // Which field, in words ("「号码」须为整数"), after the general sentence.
    const [first] = detailLines(e.body?.details);
    return first ? `${t('err_VALIDATION_FAILED')}：${first}` : t('err_VALIDATION_FAILED');
  }
  // A server fault keeps err_server's words: the console's queue sends the play again by itself.
  const words = e.code && e.status < 500 ? errorWords(e.code, currentLang()) : undefined;
  if (words) return words;
  if (e.code && has(`err_${e.code}`)) return t(`err_${e.code}`);
  if (e.status === 401) return t('sessionEnded');
  if (e.status === 403) return t('err_forbidden');
  if (e.status === 429) return t('err_rate');
  if (e.status >= 500) return t('err_server');
  return t('errCoded', { code: e.code ?? e.status });
}

/**
 * The player and team a PLAYER_NOT_ON_COURT refusal names. The details may be a list of
 * `{ field, reason, playerId?, teamId? }` or one object; `context` is read too.
 * @returns {{ playerId: string|null, teamId: string|null }}
 */
export function refusedPlayer(body) {
  const found = { playerId: null, teamId: null };
  const look = (x) => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(look);
    if (typeof x.playerId === 'string') found.playerId ??= x.playerId;
    if (typeof x.teamId === 'string') found.teamId ??= x.teamId;
  };
  look(body?.details);
  look(body?.context);
  return found;
}
