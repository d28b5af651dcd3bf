// The decided awards (MVP, all-tournament team, sportsmanship, best organising unit).
import { ApiError, getAll } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { actionForm, call, route } from './context.js';

/** key, recipient type, how many */
const AWARD_KEYS = /** @type {const} */ ([
  ['mvp', 'player', 1],
  ['all_tournament_team', 'player', 5],
  ['sportsmanship', 'team', 1],
  ['best_organising_unit', 'unit', 1],
]);

export async function awardsView() {
  const base = `/api/v1/tournaments/${route.tournamentId}`;
  const decisions = await call('GET', `${base}/awards/decisions`).catch((e) =>
    e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
  );
  if (!decisions) return h('p', { class: 'muted' }, t('awardsApiMissing'));
  const [teams, players, units] = await Promise.all([
    getAll(`${base}/teams`),
    getAll(`${base}/players`),
    getAll('/api/v1/units'),
  ]);
  /** @type {Record<string, Array<[string, string]>>} */
  const options = {
    player: players.map((p) => [
      p.id,
      `#${p.jerseyNumber} ${p.name} (${teams.find((x) => x.id === p.teamId)?.name ?? ''})`,
    ]),
    team: teams.map((x) => [x.id, x.name]),
    unit: units.map((u) => [u.id, u.name]),
  };
  return h(
    'div',
    {},
    AWARD_KEYS.map(([key, type, count]) => {
      const current = decisions.decisions.find((/** @type {any} */ d) => d.key === key);
      const selects = Array.from({ length: count }, (_, i) =>
        h(
          'select',
          { 'aria-label': `${key} ${i + 1}` },
          h('option', { value: '' }, '—'),
          options[type].map(([id, text]) =>
            h('option', { value: id, selected: current?.recipients[i]?.id === id }, text),
          ),
        ),
      );
      const citation = h('textarea', { maxlength: '500', rows: '2' });
      citation.value = current?.citation ?? '';
      const save = () =>
        call('PUT', `${base}/awards/decisions/${key}`, {
          recipients: selects.filter((s) => s.value).map((s) => ({ type, id: s.value })),
          ...(citation.value.trim() ? { citation: citation.value.trim() } : {}),
        });
      return actionForm(
        {},
        save,
        t('saved'),
        { recipients: t('recipient'), citation: t('citation') },
        h('h2', {}, t(`award_${key}`)),
        field(t('recipient'), h('div', {}, selects)),
        field(t('citation'), citation),
        h('button', { type: 'submit' }, t('save')),
      );
    }),
  );
}
