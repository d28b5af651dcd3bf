// Teams: a new team with its unit picked from the registry, and every team's roster.
import { getAll } from '../api.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { actionForm, call, route } from './context.js';
import { DeskProblem } from './errors.js';
import { rosterView } from './roster.js';
import { unitPicker } from './unit-picker.js';

export async function teamsView() {
  const [teams, units, players] = await Promise.all([
    getAll(`/api/v1/tournaments/${route.tournamentId}/teams`),
    getAll('/api/v1/units'),
    getAll(`/api/v1/tournaments/${route.tournamentId}/players`),
  ]);
  const name = h('input', { required: true, maxlength: '60' });
  const unit = unitPicker(units);
  const addTeam = async () => {
    const choice = unit.choice();
    if (!choice) throw new DeskProblem(t('deskErr_UNIT_REQUIRED'));
    const unitId = 'unitId' in choice ? choice.unitId : (await call('POST', '/api/v1/units', choice.newUnit)).id;
    return call('POST', `/api/v1/tournaments/${route.tournamentId}/teams`, { name: name.value, unitId });
  };
  const byNumber = (/** @type {any} */ a, /** @type {any} */ b) => a.jerseyNumber - b.jerseyNumber;
  return h(
    'div',
    {},
    actionForm(
      {},
      addTeam,
      (team) => t('teamAdded', { name: team.name }),
      { name: t('name') },
      h('h2', {}, t('addTeam')),
      field(t('name'), name),
      unit.element,
      h('button', { type: 'submit' }, t('addTeam')),
    ),
    h('p', { class: 'muted' }, t('csvHint')),
    h(
      'ul',
      { class: 'list' },
      teams.map((team) =>
        h(
          'li',
          { class: 'card' },
          h('strong', {}, h('a', { href: `/teams/${team.id}` }, team.name)),
          ` · ${team.rosterSize} ${t('players')}`,
          rosterView(team, players.filter((p) => p.teamId === team.id).sort(byNumber)),
        ),
      ),
    ),
  );
}
