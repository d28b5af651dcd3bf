/**
 * Reducer case for fouls, and team-foul bookkeeping.
 *
 * FIBA Official Basketball Rules (2024):
 * - Art. 40: a player with 5 fouls (personal and technical of every kind) must leave the game;
 *   a player charged with 2 technical, 2 unsportsmanlike, or 1 technical + 1 unsportsmanlike foul
 *   is disqualified (game disqualification, "GD"); a head coach with 2 technical fouls "C", or 3
 *   technical fouls of which at least one "B", is disqualified.
 * - Art. 38: a disqualifying foul removes the offender at once.
 * - Art. 41: team fouls are the fouls committed by players (not coach/bench); from the 5th team
 *   foul in a period the team is penalised; fouls in an interval count for the next period;
 *   overtime fouls count with the 4th period.
 */
import { invalid } from '../shared/domain-error.js';
import { type Draft, patchExtras, patchLine, patchPlayer, raiseFlag, requireOnCourt } from './game-draft.js';
import { type GameSettings, periodLabel, teamFoulBucket } from './game-settings.js';
import type { FoulTally, GameState } from './game-state.js';
import type { Foul, FoulKind } from './play-event.js';
import { badEvent, playerLabel, requireEligiblePlayer, requirePeriodInProgress, requireTeam } from './play-rules.js';

const FOUL_KINDS: readonly FoulKind[] = ['personal', 'technical', 'unsportsmanlike', 'disqualifying'];

/** The period a foul charged now counts for: the one in progress, else the next one (FIBA Art. 41.1.2). */
export function foulPeriod(state: GameState): number {
  if (state.period.status === 'in_progress') return state.period.current;
  if (state.period.status === 'not_started') return 1;
  return state.gameOver ? state.period.current : state.period.current + 1;
}

/** Team fouls that count toward the penalty in `period` (overtime adds to the last regulation period). */
export function penaltyFouls(byPeriod: Record<string, number>, period: number, settings: GameSettings): number {
  const bucket = teamFoulBucket(period, settings);
  let count = byPeriod[periodLabel(bucket, settings)] ?? 0;
  for (let p = settings.periods + 1; p <= period; p++) count += byPeriod[periodLabel(p, settings)] ?? 0;
  return count;
}

/** Recomputes `current`/`inPenalty` for both teams after fouls or period changes. */
export function refreshTeamFouls(d: Draft): void {
  const { settings } = d.context;
  const period = foulPeriod(d.next);
  const teamFouls = { ...d.next.teamFouls };
  for (const [teamId, tf] of Object.entries(teamFouls)) {
    const current = penaltyFouls(tf.byPeriod, period, settings);
    const inPenalty = current >= settings.teamFoulPenaltyFrom - 1;
    if (current !== tf.current || inPenalty !== tf.inPenalty) teamFouls[teamId] = { ...tf, current, inPenalty };
  }
  d.next.teamFouls = teamFouls;
}

const totalFouls = (t: FoulTally) => t.personal + t.technical + t.unsportsmanlike + t.disqualifying;

export function applyFoul(d: Draft, e: Foul): void {
  const { context, before } = d;
  const teamId = requireTeam(context, e.teamId);
  if (!FOUL_KINDS.includes(e.kind))
    badEvent('Foul kind must be personal, technical, unsportsmanlike or disqualifying', 'kind');
  if (e.committedBy === 'player') {
    applyPlayerFoul(d, e, teamId);
    return;
  }
  if (e.committedBy !== 'coach' && e.committedBy !== 'bench')
    badEvent('A foul is committed by a player, the coach or the bench', 'committedBy');
  if (e.playerId !== undefined) badEvent('A coach or bench foul has no playerId', 'playerId');
  if (e.kind !== 'technical' && e.kind !== 'disqualifying') {
    throw invalid(
      'GAME_FOUL_KIND_NOT_ALLOWED',
      `A ${e.committedBy} foul is technical or disqualifying, not ${e.kind}`,
      [{ field: 'kind', reason: 'coach and bench fouls are technical ("C"/"B") or disqualifying ("D")' }],
    );
  }
  const x = before.teamExtras[teamId]!;
  const coach = e.committedBy === 'coach';
  const technical = e.kind === 'technical';
  const extras = {
    coachTechnicals: x.coachTechnicals + (coach && technical ? 1 : 0),
    benchTechnicals: x.benchTechnicals + (!coach && technical ? 1 : 0),
    coachDisqualifyingFouls: x.coachDisqualifyingFouls + (coach && !technical ? 1 : 0),
    benchDisqualifyingFouls: x.benchDisqualifyingFouls + (!coach && !technical ? 1 : 0),
  };
  const coachDisqualified =
    x.coachDisqualified ||
    extras.coachTechnicals >= 2 ||
    (extras.benchTechnicals >= 1 && extras.coachTechnicals + extras.benchTechnicals >= 3) ||
    extras.coachDisqualifyingFouls > 0;
  patchExtras(d, teamId, () => ({ ...extras, coachDisqualified }));
  if (coachDisqualified && !x.coachDisqualified) {
    raiseFlag(d, 'COACH_DISQUALIFIED', `Head coach of ${teamName(d, teamId)} disqualified`, teamId);
  }
}

function applyPlayerFoul(d: Draft, e: Foul, teamId: string): void {
  const { context, before } = d;
  const { settings } = context;
  if (e.playerId === undefined) badEvent('A player foul needs playerId', 'playerId');
  // A personal foul happens in play; misconduct fouls may also be charged in an interval.
  if (e.kind === 'personal') requirePeriodInProgress(before, 'a personal foul');
  const player = requireEligiblePlayer(before, context, teamId, e.playerId, 'playerId');
  // Contact fouls happen in play, so only by the five on court. A technical or disqualifying foul
  // may be charged to a substitute on the bench (FIBA Art. 36, 38, 39: e.g. leaving the bench
  // area in a fight); between periods nobody is "on court", so nothing is checked then.
  if ((e.kind === 'personal' || e.kind === 'unsportsmanlike') && before.period.status === 'in_progress')
    requireOnCourt(d, player, 'playerId', `${e.kind === 'personal' ? 'a personal' : 'an unsportsmanlike'} foul`);

  const status = before.players[player.playerId];
  const tally: FoulTally = {
    ...(status?.fouls ?? { personal: 0, technical: 0, unsportsmanlike: 0, disqualifying: 0 }),
  };
  tally[e.kind] += 1;
  const disqualified = tally.disqualifying > 0 || tally.technical + tally.unsportsmanlike >= 2;
  const out = disqualified ? 'disqualified' : totalFouls(tally) >= settings.foulOutLimit ? 'fouled_out' : null;
  patchPlayer(d, player, () => ({ fouls: tally, out, outAtSeq: out === null ? null : d.seq }));
  patchLine(d, player, (l) => ({ pf: l.pf + 1 }));
  if (out === 'disqualified') {
    const why = tally.disqualifying > 0 ? 'disqualifying foul' : 'second technical/unsportsmanlike foul';
    raiseFlag(d, 'PLAYER_DISQUALIFIED', `${playerLabel(player)} disqualified (${why})`, teamId, player.playerId);
  }

  const label = periodLabel(foulPeriod(before), settings);
  const tf = before.teamFouls[teamId]!;
  d.next.teamFouls = {
    ...d.next.teamFouls,
    [teamId]: { ...tf, byPeriod: { ...tf.byPeriod, [label]: (tf.byPeriod[label] ?? 0) + 1 } },
  };
  refreshTeamFouls(d);
}

const teamName = (d: Draft, teamId: string) => d.next.teams.find((t) => t.teamId === teamId)?.name ?? teamId;
