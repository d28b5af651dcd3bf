import type { GameBracket } from '../../domain/competition/index.js';
import type { AwardsDto } from '../awards/awards.dto.js';
import type { BracketDto, FinalRankingDto, ScheduleDto, StandingsDto } from '../competition/competition-view.dto.js';
import type { GameDto } from '../games/game.dto.js';
import type { BoxScoreView } from '../games/game.mapper.js';
import type { PlayEventDto } from '../games/play-event.dto.js';
import type { PlayerDto } from '../players/player.dto.js';
import type { LeadersDto } from '../stats/leaders.dto.js';
import type { TeamDto } from '../teams/team.dto.js';
import type { TournamentDto } from '../tournaments/tournament.dto.js';
import type { UnitDto } from '../units/unit.dto.js';

/** programme = 秩序册, results = 成绩册, scoresheet = one game's FIBA-style scoresheet. */
export const DOCUMENT_KINDS = ['programme', 'results', 'scoresheet'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A roster line as printed: jersey, name, position, employer. Never a national ID. */
export type RosterEntry = Pick<PlayerDto, 'id' | 'jerseyNumber' | 'name' | 'position' | 'employer'>;

export interface TournamentHeader {
  tournament: TournamentDto;
  hostUnit: UnitDto | null;
  /** 承办单位, in the tournament's order. */
  organiserUnits: UnitDto[];
  /** 协办单位, in the tournament's order. */
  coOrganiserUnits: UnitDto[];
}

export interface ProgrammeDocument extends TournamentHeader {
  kind: 'programme';
  teams: Array<TeamDto & { unitName: string; players: RosterEntry[] }>;
  bracket: BracketDto | null;
  schedule: ScheduleDto | null;
  games: GameDto[];
}

export interface ResultsBookDocument extends TournamentHeader {
  kind: 'results';
  bracket: BracketDto | null;
  standings: StandingsDto | null;
  ranking: FinalRankingDto | null;
  games: GameDto[];
  leaders: LeadersDto;
  awards: AwardsDto;
}

export interface ScoresheetDocument extends TournamentHeader {
  kind: 'scoresheet';
  game: GameDto;
  /** The game's place in the competition, with what a page needs to name it (半决赛1, A组 第2轮). */
  stage: {
    stageName: string | null;
    roundName: string;
    groupId: string | null;
    key: string;
    bracket: GameBracket;
    round: number;
    winnerPlaces: [number, number] | null;
    loserPlaces: [number, number] | null;
  } | null;
  homeTeam: TeamDto | null;
  awayTeam: TeamDto | null;
  rosters: { home: RosterEntry[]; away: RosterEntry[] };
  boxScore: BoxScoreView | null;
  plays: PlayEventDto[];
}

export type PrintableDocument = ProgrammeDocument | ResultsBookDocument | ScoresheetDocument;
