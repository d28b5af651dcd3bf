// Courts with their time windows, the generated schedule, and moving a game (court and time).
import { getAll } from '../api.js';
import { field, fill, h, table } from '../dom.js';
import { whenText } from '../format.js';
import { t } from '../i18n.js';
import { act, actionForm, call, comp, gameNames, route, scoresheetLink } from './context.js';
import { scheduleQuality } from './schedule-quality.js';

/** A court id: letters, digits, dash, underscore (the hyphen escaped: patterns use the v flag). */
const COURT_ID = '[A-Za-z0-9_\\-]{1,20}';

/**
 * @param {{ id: string, name: string, windows: Array<{ start: string, end: string }> }} court
 * @param {string} day the tournament's first day
 */
function courtRow(court, day) {
  return {
    id: h('input', { value: court.id, pattern: COURT_ID, required: true, title: t('courtIdHint') }),
    name: h('input', { value: court.name, required: true, maxlength: '40' }),
    start: h('input', { type: 'datetime-local', value: court.windows[0]?.start ?? `${day}T08:00` }),
    end: h('input', { type: 'datetime-local', value: court.windows[0]?.end ?? `${day}T22:00` }),
  };
}

/** @param {{ courts: any[] }} courts @param {string} day */
function courtsForm(courts, day) {
  const rows = (courts.courts.length ? courts.courts : [{ id: 'main', name: '主场', windows: [] }]).map((c) =>
    courtRow(c, day),
  );
  const form = actionForm(
    {},
    () =>
      call('PUT', comp('/courts'), {
        courts: rows.map((r) => ({
          id: r.id.value,
          name: r.name.value,
          windows: [{ start: r.start.value.slice(0, 16), end: r.end.value.slice(0, 16) }],
        })),
      }),
    t('saved'),
    { id: t('courtId'), name: t('courtName'), start: t('windowStart'), end: t('windowEnd') },
  );
  const draw = () =>
    fill(
      form,
      h('h2', {}, t('courts')),
      rows.map((r) =>
        h(
          'div',
          { class: 'row' },
          field(t('courtId'), r.id),
          field(t('courtName'), r.name),
          field(t('windowStart'), r.start),
          field(t('windowEnd'), r.end),
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              rows.push(courtRow({ id: `c${rows.length + 1}`, name: `${rows.length + 1}号场`, windows: [] }, day));
              draw();
            },
          },
          t('addCourt'),
        ),
        h('button', { type: 'submit' }, t('saveCourts')),
      ),
    );
  draw();
  return form;
}

/**
 * @param {any} schedule
 * @param {Map<string, string>} gameIds competition key → the game's id (for its 记录表)
 * @param {Awaited<ReturnType<typeof gameNames>>} names
 */
function scheduleTable(schedule, gameIds, names) {
  return table(
    [t('games'), t('court'), t('windowStart'), t('moveTo')],
    schedule.games.map((/** @type {any} */ g) => {
      const court = h(
        'select',
        { 'aria-label': `${t('court')} ${g.gameId}` },
        schedule.courts.map((/** @type {any} */ c) =>
          h('option', { value: c.id, selected: c.id === g.courtId }, c.name),
        ),
      );
      const start = h('input', {
        type: 'datetime-local',
        value: g.start,
        'aria-label': `${t('windowStart')} ${g.gameId}`,
      });
      const move = () =>
        act(() =>
          call('POST', comp('/schedule/moves'), {
            gameId: g.gameId,
            courtId: court.value,
            start: start.value.slice(0, 16),
          }),
        );
      return h(
        'tr',
        {},
        h(
          'td',
          { class: 'name' },
          `${names.game(g.gameId)} · ${names.side(g.gameId, 'home')} ${t('vs')} ${names.side(g.gameId, 'away')}`,
          gameIds.has(g.gameId) ? [' ', scoresheetLink(gameIds.get(g.gameId) ?? '', names.game(g.gameId))] : null,
        ),
        h('td', {}, g.courtName),
        h('td', {}, whenText(g.start)),
        h(
          'td',
          {},
          h(
            'div',
            { class: 'row desk-move' },
            court,
            start,
            h('button', { type: 'button', class: 'secondary', onclick: move }, t('moveGame')),
          ),
        ),
      );
    }),
    { caption: t('tabSchedule'), label: t('tabSchedule'), class: 'grid desk-schedule' },
  );
}

/** @param {{ startsOn: string }} tour */
export async function scheduleView(tour) {
  const courts = await call('GET', comp('/courts')).catch(() => ({ courts: [] }));
  const schedule = await call('GET', comp('/schedule')).catch(() => null);
  // The schedule names games by their key in the structure; a scoresheet needs the game itself.
  const [games, names] = schedule
    ? await Promise.all([getAll(`/api/v1/tournaments/${route.tournamentId}/games`), gameNames()])
    : [[], null];
  const gameIds = new Map(games.filter((g) => g.competitionKey).map((g) => [g.competitionKey, g.id]));
  const slot = h('input', { type: 'number', min: '10', max: '600', value: '90' });
  const rest = h('input', { type: 'number', min: '0', max: '1440', value: '60' });
  return h(
    'div',
    { 'data-tournament': route.tournamentId },
    courtsForm(courts, tour.startsOn),
    actionForm(
      {},
      () => call('POST', comp('/schedule'), { slotMinutes: Number(slot.value), minRestMinutes: Number(rest.value) }),
      t('saved'),
      {},
      h('div', { class: 'row' }, field(t('slotMinutes'), slot), field(t('minRest'), rest)),
      h('button', { type: 'submit' }, t('generateSchedule')),
    ),
    schedule?.quality ? scheduleQuality(schedule.quality) : null,
    schedule && names ? scheduleTable(schedule, gameIds, names) : null,
  );
}
