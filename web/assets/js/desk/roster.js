// One team's roster on the desk: its players, each editable or removable, a player added by hand,
// and a CSV file imported (refusals name the line and column).
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { act, actionForm, call } from './context.js';
import { DeskProblem } from './errors.js';

/** Rosters the organiser opened stay open when the view is drawn again after a change. */
const openRosters = new Set();
const POSITIONS = ['PG', 'SG', 'SF', 'PF', 'C', 'G', 'F'];
/** The labels of the player form, for refusals that name a field. */
const NAMES = () => ({ name: t('field_playerName'), jerseyNumber: t('jersey') });

/**
 * @typedef {{ id: string, name: string, jerseyNumber: number, position: string | null, employer: string | null }} Player
 * @param {Player | null} player
 * @param {string} label prefix of the controls' names (the team, or the player edited)
 */
function playerFields(player, label) {
  const name = h('input', {
    required: true,
    maxlength: '50',
    value: player?.name ?? '',
    'aria-label': `${label} ${t('field_playerName')}`,
  });
  const jersey = h('input', {
    type: 'number',
    required: true,
    min: '0',
    max: '99',
    value: player ? String(player.jerseyNumber) : '',
    'aria-label': `${label} ${t('jersey')}`,
  });
  const position = h(
    'select',
    { 'aria-label': `${label} ${t('position')}` },
    h('option', { value: '' }, '—'),
    POSITIONS.map((p) => h('option', { value: p, selected: player?.position === p }, p)),
  );
  const employer = h('input', {
    maxlength: '100',
    value: player?.employer ?? '',
    'aria-label': `${label} ${t('employer')}`,
  });
  return {
    controls: h(
      'div',
      { class: 'row' },
      field(t('field_playerName'), name),
      field(t('jersey'), jersey),
      field(t('position'), position),
      field(t('employer'), employer),
    ),
    body: () => ({
      name: name.value,
      jerseyNumber: jersey.value === '' ? null : Number(jersey.value),
      position: position.value || null,
      employer: employer.value.trim() || null,
    }),
  };
}

/**
 * @param {Player} player
 */
function playerRow(player) {
  const row = h('li', { class: 'desk-player' });
  const show = () => {
    row.replaceChildren(
      h(
        'span',
        { class: 'desk-player-name' },
        `#${player.jerseyNumber} ${player.name}${player.position ? ` · ${player.position}` : ''}`,
      ),
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: edit, 'aria-label': `${t('editPlayer')} ${player.name}` },
        t('editPlayer'),
      ),
      removeButton(),
    );
  };
  // Two taps instead of a dialog: the second one says what it will do.
  const removeButton = () => {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'aria-label': `${t('removePlayer')} ${player.name}`,
        onclick: () => {
          if (button.dataset.armed)
            return act(() => call('DELETE', `/api/v1/players/${player.id}`), t('playerRemoved', { name: player.name }));
          button.dataset.armed = '1';
          button.className = 'danger';
          button.textContent = t('confirmRemovePlayer', { name: player.name });
          button.setAttribute('aria-label', button.textContent);
        },
      },
      t('removePlayer'),
    );
    return button;
  };
  const edit = () => {
    const fields = playerFields(player, player.name);
    row.replaceChildren(
      actionForm(
        { class: 'desk-player-edit' },
        () => call('PATCH', `/api/v1/players/${player.id}`, fields.body()),
        (p) => t('playerSaved', { name: p.name }),
        NAMES(),
        fields.controls,
        h(
          'div',
          { class: 'row' },
          h('button', { type: 'submit' }, t('save')),
          h('button', { type: 'button', class: 'secondary', onclick: show }, t('cancel')),
        ),
      ),
    );
  };
  show();
  return row;
}

/**
 * @param {{ id: string, name: string }} team
 * @param {Player[]} players the team's players, by number
 */
export function rosterView(team, players) {
  const fields = playerFields(null, team.name);
  const file = h('input', { type: 'file', accept: '.csv,text/csv' });
  const importCsv = async () => {
    const chosen = file.files?.[0];
    if (!chosen) throw new DeskProblem(t('chooseFile'));
    const text = await chosen.text();
    if (!text.trim()) throw new DeskProblem(t('fileEmpty'));
    return call('POST', `/api/v1/teams/${team.id}/players/import`, text, { contentType: 'text/csv; charset=utf-8' });
  };
  return h(
    'details',
    {
      class: 'desk-roster',
      open: openRosters.has(team.id),
      ontoggle: (/** @type {Event} */ e) =>
        /** @type {HTMLDetailsElement} */ (e.target).open ? openRosters.add(team.id) : openRosters.delete(team.id),
    },
    h('summary', {}, `${t('roster')} · ${players.length} ${t('players')}`),
    h('ul', { class: 'list' }, players.map(playerRow)),
    actionForm(
      {},
      () => call('POST', `/api/v1/teams/${team.id}/players`, fields.body()),
      (p) => t('playerSaved', { name: p.name }),
      NAMES(),
      h('h3', {}, `${t('addPlayer')} · ${team.name}`),
      fields.controls,
      h('button', { type: 'submit' }, t('addPlayer')),
    ),
    actionForm(
      {},
      importCsv,
      (res) => t('imported', { n: res.imported }),
      {},
      field(`${t('importCsv')} · ${team.name}`, file),
      h('button', { type: 'submit', class: 'secondary' }, t('importCsv')),
    ),
  );
}
