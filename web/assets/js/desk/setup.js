// The format (a Huzhou 2024 preset or a template), the group draw (random or by hand), games and start.
import { ApiError, getAll } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { act, actionForm, call, comp, route } from './context.js';
import { DeskProblem } from './errors.js';
import { organisingUnitsForm } from './organising-units.js';

const HUZHOU = { huzhou3: 'three_groups_best_runner_up', huzhou4: 'four_groups_quarter_finals' };

/**
 * The form's starting values: the format the tournament has, else the Huzhou preset.
 * @param {any} current the competition, or null
 * @param {number} teamCount
 */
function chosenFormat(current, teamCount) {
  const format = current?.format;
  const base = { choice: 'huzhou3', teamCount: teamCount || 10, groupCount: 3, advance: 1, best: 1, third: true };
  if (format?.kind === 'huzhou2024')
    return { ...base, choice: format.format === HUZHOU.huzhou4 ? 'huzhou4' : 'huzhou3' };
  if (format?.kind === 'template') {
    const o = format.options ?? {};
    return {
      choice: 'custom',
      teamCount: o.teamCount ?? base.teamCount,
      groupCount: o.groupCount ?? base.groupCount,
      advance: o.advancePerGroup ?? base.advance,
      best: o.bestPlaced?.count ?? 0,
      third: o.knockout?.thirdPlaceGame ?? true,
    };
  }
  return base;
}

/** @param {any} current @param {any[]} teams */
function formatForm(current, teams) {
  const start = chosenFormat(current, teams.length);
  const choice = h(
    'select',
    {},
    h('option', { value: 'huzhou3', selected: start.choice === 'huzhou3' }, t('tplHuzhou3')),
    h('option', { value: 'huzhou4', selected: start.choice === 'huzhou4' }, t('tplHuzhou4')),
    h('option', { value: 'custom', selected: start.choice === 'custom' }, t('tplCustom')),
  );
  const n = (/** @type {number} */ value, /** @type {number} */ min, /** @type {number} */ max) =>
    h('input', { type: 'number', min: String(min), max: String(max), value: String(value) });
  const teamCount = n(start.teamCount, 2, 1024);
  const groupCount = n(start.groupCount, 1, 256);
  const advance = n(start.advance, 0, 64);
  const best = n(start.best, 0, 64);
  const third = h('input', { type: 'checkbox', checked: start.third });
  const body = () => {
    if (choice.value !== 'custom') return { huzhou2024: HUZHOU[/** @type {'huzhou3'|'huzhou4'} */ (choice.value)] };
    return {
      template: {
        teamCount: Number(teamCount.value),
        groupCount: Number(groupCount.value),
        advancePerGroup: Number(advance.value),
        ...(Number(best.value) > 0 ? { bestPlaced: { place: 2, count: Number(best.value) } } : {}),
        // No knockout without teams advancing to it (the server refuses the combination).
        ...(Number(advance.value) > 0 || Number(best.value) > 0 ? { knockout: { thirdPlaceGame: third.checked } } : {}),
      },
    };
  };
  return actionForm(
    {},
    () => call('PUT', comp(), body()),
    t('saved'),
    { teamCount: t('teamCount'), groupCount: t('groupCount'), advancePerGroup: t('advancePerGroup') },
    h('h2', {}, t('template')),
    field(t('template'), choice),
    h(
      'div',
      { class: 'row' },
      field(t('teamCount'), teamCount),
      field(t('groupCount'), groupCount),
      field(t('advancePerGroup'), advance),
      field(t('bestRunnersUp'), best),
    ),
    h('label', { class: 'check' }, third, t('thirdPlaceGame')),
    h('button', { type: 'submit' }, t('applyFormat')),
  );
}

function randomDrawForm() {
  const seed = h('input', { type: 'number', min: '0' });
  const apart = h('input', { type: 'checkbox' });
  return actionForm(
    {},
    () =>
      call('POST', comp('/draw'), {
        method: 'random',
        keepUnitsApart: apart.checked,
        ...(seed.value ? { seed: Number(seed.value) } : {}),
      }),
    t('drawn'),
    { seed: t('seed') },
    h('h2', {}, t('drawGroups')),
    field(t('seed'), seed),
    h('label', { class: 'check' }, apart, t('keepUnitsApart')),
    h('button', { type: 'submit' }, t('drawRandom')),
  );
}

/**
 * Draw by hand: a group for every team, then the groups in the order the teams are listed.
 * @param {any} current @param {any[]} teams
 */
function handDrawForm(current, teams) {
  const stage = (current?.config?.stages ?? []).find((/** @type {any} */ s) => s.kind === 'group');
  if (!stage?.groups?.length) return null;
  /** @type {Array<{ id: string, size: number }>} */
  const groups = stage.groups;
  const drawn = new Map(
    (current.draw?.groups ?? []).flatMap((/** @type {any} */ g) =>
      g.teams.map((/** @type {any} */ x) => [x.id, g.groupId]),
    ),
  );
  const picks = teams.map((team) => ({
    team,
    select: h(
      'select',
      { 'aria-label': t('groupOf', { team: team.name }), onchange: () => counts() },
      h('option', { value: '' }, '—'),
      groups.map((g) =>
        h('option', { value: g.id, selected: drawn.get(team.id) === g.id }, t('groupName', { id: g.id })),
      ),
    ),
  }));
  const tally = h('p', { class: 'muted', 'aria-live': 'polite' });
  const counts = () =>
    (tally.textContent = groups
      .map((g) =>
        t('groupSizeNow', { group: g.id, n: picks.filter((p) => p.select.value === g.id).length, size: g.size }),
      )
      .join(' · '));
  counts();
  const submit = async () => {
    if (picks.some((p) => !p.select.value)) throw new DeskProblem(t('deskErr_COMPETITION_DRAW_TEAM_MISSING'));
    return call('POST', comp('/draw'), {
      method: 'hand',
      stageId: stage.id,
      groups: groups.map((g) => ({
        groupId: g.id,
        teamIds: picks.filter((p) => p.select.value === g.id).map((p) => p.team.id),
      })),
    });
  };
  return actionForm(
    { 'data-testid': 'hand-draw' },
    submit,
    t('drawn'),
    {},
    h('h2', {}, t('drawHand')),
    h('p', { class: 'muted' }, t('drawHandHint')),
    h(
      'div',
      { class: 'desk-picks' },
      picks.map((p) => field(p.team.name, p.select)),
    ),
    tally,
    h('button', { type: 'submit' }, t('drawHandSubmit')),
  );
}

/** @param {any} tour */
export async function setupView(tour) {
  const current = await call('GET', comp()).catch((e) =>
    e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
  );
  const teams = await getAll(`/api/v1/tournaments/${route.tournamentId}/teams`);
  return h(
    'div',
    {},
    current
      ? h(
          'p',
          { class: 'queue', 'data-testid': 'phase' },
          t('phaseNow', { phase: t(`phase_${current.phase}`) }),
          ` · ${current.gameCount} ${t('games')}`,
        )
      : null,
    formatForm(current, teams),
    current?.phase === 'games_created' ? null : [randomDrawForm(), handDrawForm(current, teams)],
    current?.draw
      ? h(
          'div',
          { class: 'two-col' },
          current.draw.groups.map((/** @type {any} */ g) =>
            h(
              'div',
              { class: 'card' },
              h('h3', {}, t('groupName', { id: g.groupId })),
              h(
                'ol',
                {},
                g.teams.map((/** @type {any} */ x) => h('li', {}, x.name)),
              ),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', onclick: () => act(() => call('POST', comp('/games'))) }, t('generateGames')),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => act(() => call('POST', `/api/v1/tournaments/${route.tournamentId}/start`)),
        },
        t('startTournament'),
      ),
    ),
    await organisingUnitsForm(tour),
  );
}
