import { invalid, type ErrorDetail } from '../shared/domain-error.js';
import type { GroupGame, GroupStandingsInput, GroupStandingsOptions } from './types.js';

const isScore = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function gameProblems(game: GroupGame, index: number, teams: ReadonlySet<string>): ErrorDetail[] {
  const at = (field: string, reason: string): ErrorDetail => ({ field: `games[${index}].${field}`, reason });
  const problems: ErrorDetail[] = [];
  const sides = [game.homeTeamId, game.awayTeamId];
  if (game.homeTeamId === game.awayTeamId) problems.push(at('awayTeamId', 'a team cannot play itself'));
  if (!sides.some((id) => teams.has(id))) problems.push(at('homeTeamId', 'neither team is in this group'));
  if (!isScore(game.homeScore)) problems.push(at('homeScore', 'a score is a whole number of points, 0 or more'));
  if (!isScore(game.awayScore)) problems.push(at('awayScore', 'a score is a whole number of points, 0 or more'));
  if (game.state !== 'final' && game.state !== 'live') problems.push(at('state', "must be 'final' or 'live'"));
  if (problems.length > 0) return problems;

  // FIBA games never end level (overtime is played), so a level final score is a recording error.
  if (game.state === 'final' && game.homeScore === game.awayScore) {
    problems.push(at('awayScore', 'a final score cannot be level'));
  }
  const loserMustBe = (field: 'forfeitingTeamId' | 'defaultedTeamId', loser: string | undefined) => {
    if (game.state !== 'final') problems.push(at('state', `a ${game.outcome} is a final result`));
    if (loser === undefined || !sides.includes(loser)) {
      problems.push(at(field, 'must name one of the two teams of the game'));
    } else if (game.homeScore !== game.awayScore) {
      const loserScore = loser === game.homeTeamId ? game.homeScore : game.awayScore;
      const winnerScore = loser === game.homeTeamId ? game.awayScore : game.homeScore;
      if (loserScore > winnerScore) problems.push(at(field, 'the recorded score must favour the other team'));
    }
  };
  if (game.outcome === 'forfeit') loserMustBe('forfeitingTeamId', game.forfeitingTeamId);
  else if (game.outcome === 'default') loserMustBe('defaultedTeamId', game.defaultedTeamId);
  else if (game.outcome !== 'played') problems.push(at('outcome', "must be 'played', 'forfeit' or 'default'"));
  return problems;
}

/** Refuses input that would make the standings wrong rather than guessing. */
export function validateGroup(input: GroupStandingsInput, options: GroupStandingsOptions): void {
  const problems: ErrorDetail[] = [];
  const teams = new Set(input.teamIds);
  if (teams.size !== input.teamIds.length) problems.push({ field: 'teamIds', reason: 'a team is listed twice' });
  const gameIds = new Set<string>();
  input.games.forEach((game, i) => {
    if (gameIds.has(game.id)) problems.push({ field: `games[${i}].id`, reason: 'a game is listed twice' });
    gameIds.add(game.id);
    problems.push(...gameProblems(game, i, teams));
  });
  const drawOrder = options.drawOrder ?? [];
  if (new Set(drawOrder).size !== drawOrder.length) {
    problems.push({ field: 'drawOrder', reason: 'a team is listed twice' });
  }
  drawOrder.forEach((id, i) => {
    if (!teams.has(id)) problems.push({ field: `drawOrder[${i}]`, reason: 'not a team of this group' });
  });
  if (problems.length > 0) throw invalid('STANDINGS_INVALID_GROUP', 'The group cannot be ranked as given', problems);
}
