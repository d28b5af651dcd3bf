// Organiser desk: a game's result from its paper scoresheet (issue 14), without live scoring.
// Final score, optionally the points per period (overtime included) and players' lines; one
// request (POST /api/v1/games/{id}/paper-result). Sent again while the game is final, it
// corrects the result. Server refusals are shown in Chinese from their code and field.
import { ApiError, getAll } from './api.js';
import { field, h, table } from './dom.js';
import { statusText } from './format.js';
import { t } from './i18n.js';

/** Player columns: API field and its header. */
const COLUMNS = [
  ['points', 'colPts'],
  ['fouls', 'colPf'],
  ['fgm3', 'prCol3pm'],
  ['ftm', 'prColFtm'],
  ['fta', 'prColFta'],
  ['reb', 'colReb'],
  ['ast', 'colAst'],
  ['stl', 'colStl'],
  ['blk', 'colBlk'],
  ['tov', 'colTov'],
];

/** Games a paper result may be entered for (the server has the last word). */
const OPEN = new Set(['scheduled', 'ready', 'final']);

/**
 * The form. `call(method, url, body)` is the desk's authenticated API call; `done(text)` shows
 * the success the desk's way; a refusal is shown inside the form, so what was typed stays.
 * `name(game)` names the game in the competition (半决赛1), when the caller knows it.
 */
export function paperResultView({ games, call, done, name = () => '' }) {
  const choices = games.filter((g) => OPEN.has(g.status) && g.homeTeam && g.awayTeam);
  const label = (g) =>
    `${[name(g), g.homeTeam.name, t('vs'), g.awayTeam.name].filter(Boolean).join(' ')} · ${statusText(g.status)}`;
  const select = h(
    'select',
    { 'aria-label': t('prGame') },
    h('option', { value: '' }, t('prChoose')),
    choices.map((g) => h('option', { value: g.id }, label(g))),
  );
  const holder = h('div', {});
  const errors = h('div', { role: 'alert' });
  select.addEventListener('change', async () => {
    holder.replaceChildren();
    errors.replaceChildren();
    const game = choices.find((g) => g.id === select.value);
    if (!game) return;
    const [home, away] = await Promise.all([
      getAll(`/api/v1/teams/${game.homeTeam.id}/players`),
      getAll(`/api/v1/teams/${game.awayTeam.id}/players`),
    ]);
    holder.append(sheetForm(game, { home, away }, { call, done, errors }));
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'h-paper' },
    h('h2', { id: 'h-paper' }, t('prTitle')),
    h('p', { class: 'muted' }, t('prHint')),
    field(t('prGame'), select),
    errors,
    holder,
  );
}

function sheetForm(game, rosters, { call, done, errors }) {
  const number = (labelText) =>
    h('input', { type: 'number', min: '0', max: '999', step: '1', inputmode: 'numeric', 'aria-label': labelText });
  const sides = ['home', 'away'].map((side) => {
    const team = side === 'home' ? game.homeTeam : game.awayTeam;
    const score = number(`${team.name} ${t('prScore')}`);
    score.required = true;
    const periods = h('input', {
      inputmode: 'numeric',
      placeholder: '15,14,18,15',
      'aria-label': `${team.name} ${t('prPeriods')}`,
    });
    const players = rosters[side]
      .slice()
      .sort((a, b) => a.jerseyNumber - b.jerseyNumber)
      .map((p) => ({ player: p, inputs: COLUMNS.map(([, head]) => number(`${p.name} ${t(head)}`)) }));
    return { side, team, score, periods, players };
  });
  const playerTable = (s) =>
    table(
      [t('jersey'), t('player'), ...COLUMNS.map(([, head]) => t(head))],
      s.players.map(({ player, inputs }) =>
        h(
          'tr',
          {},
          h('td', {}, String(player.jerseyNumber)),
          h('td', { class: 'name' }, player.name),
          inputs.map((i) => h('td', {}, i)),
        ),
      ),
      { caption: `${s.team.name} · ${t('prPlayers')}`, label: `${s.team.name} ${t('prPlayers')}` },
    );
  const body = () => {
    const out = {};
    for (const s of sides) {
      const team = { score: Number(s.score.value) };
      const periods = s.periods.value.trim();
      if (periods)
        team.periods = periods
          .split(/[,，\s]+/)
          .filter(Boolean)
          .map(Number);
      const lines = [];
      for (const { player, inputs } of s.players) {
        const line = { playerId: player.id };
        inputs.forEach((input, i) => {
          if (input.value !== '') line[COLUMNS[i][0]] = Number(input.value);
        });
        if (Object.keys(line).length > 1) lines.push(line);
      }
      if (lines.length) team.players = lines;
      out[s.side] = team;
    }
    return out;
  };
  /** "主队 · #7 张三 · 犯规" for `home.players[0].fouls`, from what was sent. */
  const fieldText = (path, sent) => {
    const m = /^(home|away)(?:\.(score|periods|players))?(?:\[(\d+)\])?(?:\.(\w+))?/.exec(path) ?? [];
    const [, side, part, index, leaf] = m;
    const s = sides.find((x) => x.side === side);
    if (!s) return path;
    const bits = [s.team.name];
    if (part === 'score') bits.push(t('prScore'));
    if (part === 'periods') bits.push(index !== undefined ? `${t('prPeriods')} ${Number(index) + 1}` : t('prPeriods'));
    if (part === 'players' && index !== undefined) {
      const id = sent[side]?.players?.[Number(index)]?.playerId;
      const p = s.players.find((x) => x.player.id === id)?.player;
      if (p) bits.push(`#${p.jerseyNumber} ${p.name}`);
      const column = COLUMNS.find(([key]) => key === leaf);
      if (column) bits.push(t(column[1]));
    } else if (part === 'players') bits.push(t('prPlayers'));
    return bits.join(' · ');
  };
  const show = (e, sent) => {
    const code = e instanceof ApiError ? e.code : null;
    const message =
      code && t(`prErr_${code}`) !== `prErr_${code}`
        ? t(`prErr_${code}`)
        : t('prErrOther', { code: code ?? e.message });
    const fields = (e.body?.details ?? []).map((d) => h('li', {}, fieldText(d.field, sent)));
    errors.replaceChildren(
      h('p', { class: 'error' }, message),
      fields.length ? h('ul', { class: 'error' }, fields) : '',
    );
  };
  return h(
    'form',
    {
      onsubmit: async (e) => {
        e.preventDefault();
        errors.replaceChildren();
        const sent = body();
        try {
          await call('POST', `/api/v1/games/${game.id}/paper-result`, sent);
          done(t('prSaved'));
        } catch (err) {
          show(err, sent);
        }
      },
    },
    h(
      'div',
      { class: 'row' },
      sides.map((s) => field(`${s.team.name} · ${t('prScore')}`, s.score)),
    ),
    h(
      'div',
      { class: 'row' },
      sides.map((s) => field(`${s.team.name} · ${t('prPeriods')}`, s.periods, t('optional'))),
    ),
    h('details', {}, h('summary', {}, t('prPlayers')), sides.map(playerTable)),
    h('button', { type: 'submit', 'data-testid': 'paper-submit' }, t('prSubmit')),
  );
}
