/** Reducer cases for shots, free throws and the other box-score events. */
import { invalid } from '../shared/domain-error.js';
import { addPoints, type Draft, patchExtras, patchLine, raiseFlag, requireOnCourt } from './game-draft.js';
import type { FreeThrowRun } from './game-state.js';
import type {
  Block,
  FieldGoalMade,
  FieldGoalMissed,
  FreeThrowMade,
  FreeThrowMissed,
  Rebound,
  ScoreAdjust,
  Steal,
  Turnover,
} from './play-event.js';
import { badEvent, requireEligiblePlayer, requirePeriodInProgress, requireTeam, rosterLookup } from './play-rules.js';

function requireShotValue(points: unknown): 2 | 3 {
  if (points !== 2 && points !== 3) badEvent('A field goal is worth 2 or 3 points', 'points');
  return points;
}

export function applyFieldGoal(d: Draft, e: FieldGoalMade | FieldGoalMissed): void {
  const { context, before } = d;
  const teamId = requireTeam(context, e.teamId);
  requirePeriodInProgress(before, 'a field goal');
  const points = requireShotValue(e.points);
  const shooter = requireEligiblePlayer(before, context, teamId, e.playerId, 'playerId');
  const made = e.type === 'field_goal_made';
  const assistId = made ? e.assistPlayerId : undefined;
  if (assistId !== undefined) {
    if (assistId === shooter.playerId) {
      throw invalid('GAME_ASSIST_BY_SHOOTER', 'A player cannot assist their own field goal', [
        { field: 'assistPlayerId', reason: 'must differ from the shooter' },
      ]);
    }
    const other = rosterLookup(context).players.get(assistId);
    if (other !== undefined && other.teamId !== teamId) {
      throw invalid('GAME_ASSIST_WRONG_TEAM', 'An assist must come from a team-mate of the shooter', [
        { field: 'assistPlayerId', reason: 'must be on the shooter’s team' },
      ]);
    }
  }
  const assister =
    assistId === undefined ? null : requireEligiblePlayer(before, context, teamId, assistId, 'assistPlayerId');
  requireOnCourt(d, shooter, 'playerId', made ? 'a field goal' : 'a field-goal attempt');
  if (assister !== null) requireOnCourt(d, assister, 'assistPlayerId', 'an assist');
  patchLine(d, shooter, (l) =>
    points === 2
      ? { fga2: l.fga2 + 1, fgm2: l.fgm2 + (made ? 1 : 0), pts: l.pts + (made ? 2 : 0) }
      : { fga3: l.fga3 + 1, fgm3: l.fgm3 + (made ? 1 : 0), pts: l.pts + (made ? 3 : 0) },
  );
  if (assister !== null) {
    patchLine(d, assister, (l) => ({ ast: l.ast + 1 }));
  }
  if (made) addPoints(d, teamId, points);
}

const incomplete = (run: FreeThrowRun | null): run is FreeThrowRun =>
  run !== null && run.attempt !== null && run.of !== null && run.attempt < run.of;

export function applyFreeThrow(d: Draft, e: FreeThrowMade | FreeThrowMissed): void {
  const { context, before } = d;
  const teamId = requireTeam(context, e.teamId);
  requirePeriodInProgress(before, 'a free throw');
  const numbered = e.attempt !== undefined || e.of !== undefined;
  if (numbered) {
    const { attempt, of } = e;
    const ok = Number.isInteger(attempt) && Number.isInteger(of) && attempt! >= 1 && of! <= 3 && attempt! <= of!;
    if (!ok) badEvent('Free throw numbering must satisfy 1 <= attempt <= of <= 3', 'attempt');
  }
  const shooter = requireEligiblePlayer(before, context, teamId, e.playerId, 'playerId');
  const made = e.type === 'free_throw_made';
  requireOnCourt(d, shooter, 'playerId', 'a free throw');
  patchLine(d, shooter, (l) => ({ fta: l.fta + 1, ftm: l.ftm + (made ? 1 : 0), pts: l.pts + (made ? 1 : 0) }));
  if (made) addPoints(d, teamId, 1);

  // Free-throw sequence bookkeeping (flags only).
  const run = before.freeThrowRun;
  const sameTeam = run !== null && run.teamId === teamId;
  const anomaly = (why: string) => raiseFlag(d, 'FREE_THROW_SEQUENCE_ANOMALY', why, teamId, shooter.playerId);
  if (incomplete(run) && !sameTeam) anomaly(`Free throws by the other team interrupted a ${run.of}-shot series`);
  const count = sameTeam ? run.count + 1 : 1;
  if (numbered) {
    const attempt = e.attempt!;
    const of = e.of!;
    if (attempt === 1) {
      if (sameTeam && incomplete(run)) anomaly(`A new free-throw series started before ${run.of}-shot series ended`);
    } else if (!(sameTeam && run.of === of && run.attempt === attempt - 1)) {
      anomaly(`Free throw ${attempt} of ${of} without free throw ${attempt - 1} of ${of} before it`);
    }
    d.next.freeThrowRun = { teamId, count, attempt, of };
  } else {
    d.next.freeThrowRun = { teamId, count, attempt: null, of: null };
  }
  if (count === 4) anomaly('More than 3 free throws in a row by one team');
}

/** Ends a free-throw run when play moves on; an unfinished numbered series is flagged. */
export function closeFreeThrowRun(d: Draft, keepIncomplete: boolean): void {
  const run = d.before.freeThrowRun;
  if (run === null) return;
  if (incomplete(run)) {
    if (keepIncomplete) return;
    raiseFlag(
      d,
      'FREE_THROW_SEQUENCE_ANOMALY',
      `Free-throw series left unfinished at ${run.attempt} of ${run.of}`,
      run.teamId,
    );
  }
  d.next.freeThrowRun = null;
}

export function applyRebound(d: Draft, e: Rebound): void {
  const { context, before } = d;
  const teamId = requireTeam(context, e.teamId);
  requirePeriodInProgress(before, 'a rebound');
  if (e.kind !== 'offensive' && e.kind !== 'defensive') badEvent('A rebound is offensive or defensive', 'kind');
  const offensive = e.kind === 'offensive';
  if (e.playerId === undefined) {
    patchExtras(d, teamId, (x) =>
      offensive
        ? { teamOffensiveRebounds: x.teamOffensiveRebounds + 1 }
        : { teamDefensiveRebounds: x.teamDefensiveRebounds + 1 },
    );
    return;
  }
  const player = requireEligiblePlayer(before, context, teamId, e.playerId, 'playerId');
  requireOnCourt(d, player, 'playerId', 'a rebound');
  patchLine(d, player, (l) => (offensive ? { oreb: l.oreb + 1 } : { dreb: l.dreb + 1 }));
}

export function applySteal(d: Draft, e: Steal | Block): void {
  const { context, before } = d;
  const teamId = requireTeam(context, e.teamId);
  requirePeriodInProgress(before, e.type === 'steal' ? 'a steal' : 'a block');
  const player = requireEligiblePlayer(before, context, teamId, e.playerId, 'playerId');
  requireOnCourt(d, player, 'playerId', e.type === 'steal' ? 'a steal' : 'a block');
  patchLine(d, player, (l) => (e.type === 'steal' ? { stl: l.stl + 1 } : { blk: l.blk + 1 }));
}

export function applyTurnover(d: Draft, e: Turnover): void {
  const { context, before } = d;
  const teamId = requireTeam(context, e.teamId);
  requirePeriodInProgress(before, 'a turnover');
  if (e.playerId === undefined) {
    patchExtras(d, teamId, (x) => ({ teamTurnovers: x.teamTurnovers + 1 }));
    return;
  }
  const player = requireEligiblePlayer(before, context, teamId, e.playerId, 'playerId');
  requireOnCourt(d, player, 'playerId', 'a turnover');
  patchLine(d, player, (l) => ({ tov: l.tov + 1 }));
}

/** Score-only mode: points without shot detail, for a player (counted in PTS) or for the team. */
export function applyScoreAdjust(d: Draft, e: ScoreAdjust): void {
  const { context, before } = d;
  const teamId = requireTeam(context, e.teamId);
  requirePeriodInProgress(before, 'points');
  const points = e.points;
  if (points !== 1 && points !== 2 && points !== 3) badEvent('Score-only points are 1, 2 or 3', 'points');
  if (e.playerId === undefined) {
    patchExtras(d, teamId, (x) => ({ teamPoints: x.teamPoints + points }));
  } else {
    const player = requireEligiblePlayer(before, context, teamId, e.playerId, 'playerId');
    requireOnCourt(d, player, 'playerId', 'points');
    patchLine(d, player, (l) => ({ pts: l.pts + points }));
  }
  addPoints(d, teamId, points);
}
