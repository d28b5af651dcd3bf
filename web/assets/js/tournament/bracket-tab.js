// The bracket tab, drawn as a bracket: the main knockout's rounds in columns joined by connector
// lines (on a phone the columns swipe sideways inside their own box), live games badged with the
// running score, open sides named where they come from ("A组第1", "半决赛1胜者"), and the
// classification games labelled by the places they decide.
import { getOptional } from '../api.js';
import { h } from '../dom.js';
import { isDone, isLiveStatus, whenText } from '../format.js';
import { t } from '../i18n.js';
import { groupName, teamLink } from './common.js';
import { liveStateText } from './game-card.js';
import { bracketColumns } from './bracket-tree.js';
import { gameName, placesDecided, roundOf, seedingOf, sideName, slotName } from './names.js';
import { ft } from './strings.js';

function side(bg, which, byId, seeding) {
  const s = bg[which];
  const g = bg.game;
  const shown = g && (isDone(g.status) || isLiveStatus(g.status));
  const score = shown ? (which === 'home' ? g.homeScore : g.awayScore) : '';
  const won = bg.result && s.team && bg.result.winner?.id === s.team.id;
  return h(
    'div',
    { class: `bside${won ? ' won' : ''}${s.team ? '' : ' pending'}` },
    h('span', { class: 'bteam' }, sideName(s, byId, seeding, bg.stageId)),
    h('span', { class: 'bscore', 'data-score-side': g ? `${g.id}:${which}` : null }, String(score)),
  );
}

function gameBox(bg, ctx, byId, seeding) {
  const g = bg.game;
  const live = g && isLiveStatus(g.status);
  // A final's name already says its places; a round's losers sharing places get a line.
  const places = bg.winnerPlaces ? null : placesDecided(bg);
  const head = h(
    'div',
    { class: 'bkey' },
    h('span', { class: 'bname' }, gameName(bg)),
    live
      ? h(
          'span',
          { class: 'badge live', 'data-live-badge': g.id },
          t('status_live'),
          ctx.lines.get(g.id)?.period ? ` · ${liveStateText(ctx.lines.get(g.id))}` : '',
        )
      : g && isDone(g.status)
        ? h('span', { class: 'badge done' }, t(`status_${g.status}`))
        : g?.scheduledAt
          ? h('span', { class: 'muted' }, whenText(g.scheduledAt))
          : null,
  );
  const inner = [
    head,
    places ? h('div', { class: 'bplaces muted' }, places) : null,
    side(bg, 'home', byId, seeding),
    side(bg, 'away', byId, seeding),
  ];
  return h(
    'div',
    { class: `bgame${live ? ' is-live' : ''}`, 'data-bracket-game': bg.id },
    g ? h('a', { href: `/g/${g.id}` }, inner) : inner,
  );
}

/** Games of one knockout stage's championship path, by round, each round in bracket order. */
function roundsOf(games) {
  const rounds = new Map();
  for (const g of games) {
    if (!rounds.has(g.round)) rounds.set(g.round, []);
    rounds.get(g.round).push(g);
  }
  return [...rounds.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
}

/** Cells two by two: the pair that feeds one cell of the next column. */
const pairs = (cells) => cells.reduce((out, c, i) => (i % 2 ? out[out.length - 1].push(c) : out.push([c]), out), []);

/**
 * The columns to draw: the bracket's tree (byes in place), or, should the games not form one,
 * the rounds as listed.
 * @returns {import('./bracket-tree.js').BracketCell[][]}
 */
function columnsOf(main) {
  return bracketColumns(main) ?? roundsOf(main).map((games) => games.map((game) => ({ kind: 'game', game })));
}

/** A team that skips this round: drawn where it would have played, going straight through. */
function byeBox(cell, byId, seeding) {
  return h(
    'div',
    { class: 'bgame bye', 'data-bye': cell.into.id },
    h(
      'div',
      { class: 'bside' },
      h('span', { class: 'bteam' }, sideName(cell.into[cell.side], byId, seeding, cell.into.stageId)),
      h('span', { class: 'muted' }, ft('bye')),
    ),
  );
}

function cellView(cell, ctx, byId, seeding) {
  if (cell.kind === 'empty') return h('div', { class: 'bslot empty' });
  if (cell.kind === 'bye') return h('div', { class: 'bslot bye' }, byeBox(cell, byId, seeding));
  return h('div', { class: 'bslot' }, gameBox(cell.game, ctx, byId, seeding));
}

function roundTitle(games) {
  const first = games[0];
  const [place] = first.winnerPlaces ?? [];
  if (place === 1) return ft('finalGame');
  const key = `round_${first.roundName}`;
  const text = t(key);
  return text === key ? roundOf(first) : text;
}

/** The games off the championship path, by bracket, with their headings. */
const OTHER_GAMES = [
  ['classification', 'classificationGames'],
  ['losers', 'losersBracket'],
  ['grand_final', 'grandFinal'],
];

function knockoutView(stageGames, ctx, byId, seeding) {
  const main = stageGames.filter((g) => (g.bracket === 'main' || g.bracket === 'winners') && g.needed);
  const others = stageGames.filter((g) => !main.includes(g) && g.needed);
  const columns = main.length ? columnsOf(main) : [];
  return [
    columns.length
      ? h(
          'div',
          { class: 'bracket-wrap' },
          h('p', { class: 'muted swipe-hint' }, ft('swipeRounds')),
          h(
            'div',
            {
              class: 'bracket-rounds',
              'data-keep-scroll': 'bracket',
              role: 'region',
              tabindex: '0',
              'aria-label': t('knockout'),
            },
            columns.map((cells, i) =>
              h(
                'section',
                { class: `bround${i === columns.length - 1 ? ' last' : ''}${i === 0 ? ' first' : ''}` },
                h('h3', {}, roundTitle(cells.flatMap((c) => (c.kind === 'game' ? [c.game] : [])))),
                h(
                  'div',
                  { class: 'bround-games' },
                  pairs(cells).map((pair) =>
                    h(
                      'div',
                      {
                        class: `bpair${pair.length === 1 ? ' single' : ''}${pair.every((c) => c.kind === 'empty') ? ' empty' : ''}`,
                      },
                      pair.map((c) => cellView(c, ctx, byId, seeding)),
                    ),
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
    // Beside the championship path: classification games, and a double elimination's losers'
    // bracket and grand final, each under its own heading.
    OTHER_GAMES.map(([bracket, title]) => {
      const list = others.filter((g) => g.bracket === bracket);
      return list.length
        ? h(
            'section',
            { class: 'classification', 'data-bracket-part': bracket },
            h('h3', {}, ft(title)),
            h(
              'div',
              { class: 'two-col' },
              list.map((g) => gameBox(g, ctx, byId, seeding)),
            ),
          )
        : null;
    }),
  ];
}

/** @type {import('./common.js').TournamentTab} */
export const bracketTab = {
  topics: ['bracket', 'ranking', 'games'],
  async load(ctx) {
    const [bracket, ranking] = await Promise.all([
      getOptional(`/api/v1/tournaments/${ctx.tournamentId}/competition/bracket`),
      getOptional(`/api/v1/tournaments/${ctx.tournamentId}/competition/ranking`),
    ]);
    return { bracket, ranking };
  },
  /** A score line moves the running score of the bracket's live game: no read needed. */
  patchScore(data, line) {
    const bg = data?.bracket?.games.find((g) => g.game?.id === line.gameId);
    if (!bg) return false;
    bg.game.homeScore = line.score.home;
    bg.game.awayScore = line.score.away;
    if (line.status) bg.game.status = line.status;
    return true;
  },
  view(ctx, { bracket, ranking }) {
    if (!bracket) return h('p', { class: 'muted' }, t('noBracket'));
    const byId = new Map(bracket.games.map((g) => [g.id, g]));
    const groupStages = bracket.stages.filter((s) => s.kind === 'group');
    const knockouts = bracket.stages.filter((s) => s.kind === 'knockout');
    const places = ranking?.complete ? ranking.places : [];
    return h(
      'div',
      { class: 'bracket-view' },
      groupStages.map((s) =>
        h(
          'section',
          {},
          h('h2', {}, t('bracketGroups')),
          h(
            'div',
            { class: 'two-col' },
            (s.groups ?? []).map((g) =>
              h(
                'div',
                { class: 'card' },
                h('h3', {}, groupName(g)),
                h(
                  'ul',
                  {},
                  g.entrants.map((e) =>
                    h('li', { class: e.team ? '' : 'muted' }, e.team ? teamLink(e.team) : slotName(e.slot, byId)),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
      knockouts.map((s) =>
        h(
          'section',
          {},
          h('h2', {}, knockouts.length > 1 ? s.name : t('knockout')),
          knockoutView(
            bracket.games.filter((g) => g.stageId === s.id),
            ctx,
            byId,
            seedingOf(bracket),
          ),
        ),
      ),
      places.length
        ? h(
            'section',
            {},
            h('h2', {}, t('ranking')),
            h(
              'ol',
              { class: 'final-places' },
              places.map((p) => h('li', { value: p.place }, teamLink(p.team))),
            ),
          )
        : null,
    );
  },
};
