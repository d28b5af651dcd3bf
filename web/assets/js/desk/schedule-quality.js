// The built schedule's quality figures (GET …/competition/schedule `quality`), as an organiser
// reads them before publishing: days used, empty court time, back-to-back games, shortest rests.
import { h, table } from '../dom.js';
import { t } from '../i18n.js';

/** 95 → "1小时35分" / "1 h 35 min". */
const minutes = (/** @type {number | null} */ m) =>
  m === null ? '—' : m >= 60 ? t('qMinutesLong', { h: Math.floor(m / 60), m: m % 60 }) : t('qMinutes', { m });

/**
 * @param {{ daysUsed: number, days: string[], idleCourtMinutes: number, backToBackCount: number,
 *   shortestRestMinutes: number | null, stagesOnNewDays: boolean, brokenRules: number,
 *   teams: Array<{ team: { id: string, name: string }, games: number, shortestRestMinutes: number | null }> }} quality
 */
export function scheduleQuality(quality) {
  const figure = (/** @type {string} */ label, /** @type {string} */ value, /** @type {boolean} */ warn = false) =>
    h('div', { class: warn ? 'q-figure warn' : 'q-figure' }, h('dt', {}, label), h('dd', {}, value));
  return h(
    // Not a landmark region: the schedule's table is the tab's one region named 赛程.
    'div',
    { class: 'schedule-quality', 'data-testid': 'schedule-quality' },
    h('h3', {}, t('qTitle')),
    h(
      'dl',
      {},
      figure(t('qDays'), t('qDaysValue', { n: quality.daysUsed, days: quality.days.join('、') })),
      figure(t('qIdle'), minutes(quality.idleCourtMinutes)),
      figure(t('qBackToBack'), String(quality.backToBackCount), quality.backToBackCount > 0),
      figure(t('qShortestRest'), minutes(quality.shortestRestMinutes)),
      figure(t('qNewDays'), quality.stagesOnNewDays ? t('qYes') : t('qNo'), !quality.stagesOnNewDays),
      figure(t('qBroken'), String(quality.brokenRules), quality.brokenRules > 0),
    ),
    quality.teams.length
      ? table(
          [t('qTeam'), t('qGames'), t('qShortestRest')],
          quality.teams.map((r) =>
            h(
              'tr',
              {},
              h('td', { class: 'name' }, r.team.name),
              h('td', {}, String(r.games)),
              h('td', {}, minutes(r.shortestRestMinutes)),
            ),
          ),
          { label: t('qTeamsLabel') },
        )
      : null,
  );
}
