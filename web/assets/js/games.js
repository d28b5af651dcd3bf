// A game as one row of a list: teams, score or time, status; the whole row links to the game.
import { h } from './dom.js';
import { t } from './i18n.js';
import { isDone, isLiveStatus, statusText, whenText } from './format.js';

export function gameRow(game) {
  const live = isLiveStatus(game.status);
  const done = isDone(game.status);
  const showScore = live || done;
  const name = (team) => (team ? team.name : t('tbd'));
  return h(
    'a',
    { class: 'game-row', href: `/g/${game.id}`, 'data-game': game.id },
    h('span', { class: 'side-home' }, name(game.homeTeam)),
    h(
      'span',
      { class: 'mid' },
      showScore ? h('span', { class: 'score' }, `${game.homeScore} : ${game.awayScore}`) : h('span', {}, t('vs')),
      h('br'),
      h('span', { class: live ? 'badge live' : done ? 'badge done' : 'badge' }, statusText(game.status)),
    ),
    h('span', { class: 'side-away' }, name(game.awayTeam)),
    h(
      'span',
      { class: 'meta' },
      [whenText(game.scheduledAt), game.court, game.competitionKey].filter(Boolean).join(' · '),
    ),
  );
}

export const gameList = (games, empty) =>
  games.length === 0
    ? h('p', { class: 'muted' }, empty)
    : h(
        'ul',
        { class: 'list' },
        games.map((g) => h('li', {}, gameRow(g))),
      );
