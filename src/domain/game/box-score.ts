/**
 * The box score view of a game state: per team, players' lines with REB and EFF, team totals
 * (team rebounds, team turnovers and score-only team points included), shooting percentages,
 * and the score by period.
 *
 * Minutes (`secondsPlayed`) and plus/minus come from the tracked lineups and the game clock
 * (apply-court-time.ts); they are null where those are not tracked.
 *
 * Percentages are 0-100 with one decimal, or null when there was no attempt.
 * Score-only points (`score_adjust`) count in PTS, not in FGM/FGA/FTM/FTA, so they raise EFF
 * without a missed-shot penalty.
 */
import { efficiency, emptyLine, type CountedColumns, type PlayerGameLine } from '../stats/box-score-line.js';
import { plusMinus, secondsPlayed } from './apply-court-time.js';
import type { GameState, PeriodScore, PlayerGameStatus } from './game-state.js';
import type { Integer } from '../shared/integer.js';

export interface BoxScorePlayerLine extends PlayerGameLine {
  jerseyNumber: Integer;
  name: string;
  starter: boolean;
  onCourt: boolean;
  out: PlayerGameStatus['out'];
  fgm: Integer;
  fga: Integer;
  reb: Integer;
  eff: Integer;
  /** Points credited in score-only mode (PTS minus points from recorded shots). */
  scoreOnlyPts: Integer;
  /** Points scored minus conceded while on court; null when the team's lineup is not tracked. */
  plusMinus: Integer | null;
}

export interface ShootingPercentages {
  fg: number | null;
  fg2: number | null;
  fg3: number | null;
  ft: number | null;
}

/** A team's totals: its players' columns with what the team recorded itself. */
export interface BoxScoreTeamTotals extends CountedColumns {
  fgm: Integer;
  fga: Integer;
  /** Offensive/defensive rebounds including team rebounds. */
  oreb: Integer;
  reb: Integer;
  /** Turnovers including team turnovers. */
  tov: Integer;
  /** Player fouls (the team fouls of the game). */
  pf: Integer;
  eff: Integer;
  teamRebounds: Integer;
  teamTurnovers: Integer;
  /** Points credited to the team in score-only mode. */
  teamPoints: Integer;
  coachTechnicals: Integer;
  benchTechnicals: Integer;
}

export interface BoxScoreTeam {
  teamId: string;
  name: string;
  score: Integer;
  players: BoxScorePlayerLine[];
  totals: BoxScoreTeamTotals;
  percentages: ShootingPercentages;
}

export interface BoxScore {
  gameId: string;
  teams: [BoxScoreTeam, BoxScoreTeam];
  scoreByPeriod: PeriodScore[];
  gameOver: boolean;
}

export const percentage = (made: number, attempted: number): number | null =>
  attempted === 0 ? null : Math.round((1000 * made) / attempted) / 10;

export function boxScore(state: GameState): BoxScore {
  const team = (index: 0 | 1): BoxScoreTeam => {
    const { teamId, name } = state.teams[index];
    const court = state.onCourt[teamId] ?? [];
    const players = Object.values(state.players)
      .filter((p) => p.teamId === teamId)
      .sort((a, b) => Number(b.starter) - Number(a.starter) || a.jerseyNumber - b.jerseyNumber)
      .map((p): BoxScorePlayerLine => {
        const line = state.lines[p.playerId] ?? emptyLine(state.gameId, p.playerId, teamId);
        return {
          ...line,
          jerseyNumber: p.jerseyNumber,
          name: p.name,
          starter: p.starter,
          onCourt: court.includes(p.playerId),
          out: p.out,
          fgm: line.fgm2 + line.fgm3,
          fga: line.fga2 + line.fga3,
          reb: line.oreb + line.dreb,
          eff: efficiency(line),
          secondsPlayed: secondsPlayed(state, p.playerId, teamId),
          plusMinus: plusMinus(state, p.playerId, teamId),
          scoreOnlyPts: line.pts - 2 * line.fgm2 - 3 * line.fgm3 - line.ftm,
        };
      });
    const x = state.teamExtras[teamId]!;
    const sum = (key: keyof CountedColumns) => players.reduce((n, p) => n + p[key], 0);
    const combined: PlayerGameLine = {
      ...emptyLine(state.gameId, '', teamId),
      pts: sum('pts') + x.teamPoints,
      fgm2: sum('fgm2'),
      fga2: sum('fga2'),
      fgm3: sum('fgm3'),
      fga3: sum('fga3'),
      ftm: sum('ftm'),
      fta: sum('fta'),
      oreb: sum('oreb') + x.teamOffensiveRebounds,
      dreb: sum('dreb') + x.teamDefensiveRebounds,
      ast: sum('ast'),
      stl: sum('stl'),
      blk: sum('blk'),
      tov: sum('tov') + x.teamTurnovers,
      pf: sum('pf'),
    };
    const fgm = combined.fgm2 + combined.fgm3;
    const fga = combined.fga2 + combined.fga3;
    return {
      teamId,
      name,
      score: state.score[teamId]!,
      players,
      totals: {
        pts: combined.pts,
        fgm,
        fga,
        fgm2: combined.fgm2,
        fga2: combined.fga2,
        fgm3: combined.fgm3,
        fga3: combined.fga3,
        ftm: combined.ftm,
        fta: combined.fta,
        oreb: combined.oreb,
        dreb: combined.dreb,
        reb: combined.oreb + combined.dreb,
        ast: combined.ast,
        stl: combined.stl,
        blk: combined.blk,
        tov: combined.tov,
        pf: combined.pf,
        eff: efficiency(combined),
        teamRebounds: x.teamOffensiveRebounds + x.teamDefensiveRebounds,
        teamTurnovers: x.teamTurnovers,
        teamPoints: x.teamPoints,
        coachTechnicals: x.coachTechnicals,
        benchTechnicals: x.benchTechnicals,
      },
      percentages: {
        fg: percentage(fgm, fga),
        fg2: percentage(combined.fgm2, combined.fga2),
        fg3: percentage(combined.fgm3, combined.fga3),
        ft: percentage(combined.ftm, combined.fta),
      },
    };
  };
  return {
    gameId: state.gameId,
    teams: [team(0), team(1)],
    scoreByPeriod: state.scoreByPeriod,
    gameOver: state.gameOver,
  };
}

/** Player lines for the stats area (leaders, awards): only players who took part, in box-score order. */
export const playerGameLines = (state: GameState): PlayerGameLine[] =>
  boxScore(state).teams.flatMap((t) =>
    t.players.filter((p) => p.played).map((p) => ({ ...state.lines[p.playerId]!, secondsPlayed: p.secondsPlayed })),
  );
