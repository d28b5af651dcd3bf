/**
 * The competition structure: stages, groups and games whose two sides are slots. Everything here
 * is plain JSON (absent values are `null`, never `undefined`) so it can live in a jsonb column and
 * survive `JSON.parse(JSON.stringify(x))` unchanged.
 */

/** A team already known when the structure is built. */
export interface TeamSlot {
  kind: 'team';
  teamId: string;
}
/** "1st of group A". */
export interface GroupPlaceSlot {
  kind: 'group_place';
  groupId: string;
  place: number;
}
/** "The best (rank 1) 2nd-placed team across all groups of stage S1" (ranked by rankAcrossGroups). */
export interface BestPlacedSlot {
  kind: 'best_placed';
  stageId: string;
  place: number;
  rank: number;
}
export interface GameWinnerSlot {
  kind: 'game_winner';
  gameId: string;
}
export interface GameLoserSlot {
  kind: 'game_loser';
  gameId: string;
}
/**
 * Seed k of the game's own knockout stage, after the rematch-avoidance rule has been applied
 * (only used when the pairing can only be settled once the entrants are known, see knockout stage).
 */
export interface SeedSlot {
  kind: 'seed';
  seed: number;
}

export type Slot = TeamSlot | GroupPlaceSlot | BestPlacedSlot | GameWinnerSlot | GameLoserSlot | SeedSlot;

/** Inclusive range of final places, e.g. [5, 8] for the losers of quarter-finals without classification. */
export type PlaceRange = [from: number, to: number];

export type GameBracket = 'group' | 'main' | 'classification' | 'winners' | 'losers' | 'grand_final';

export interface Game {
  /** Stable within the structure: 'S1-A-R1-G1', 'QF1', 'SF2', 'F', '3P', 'P5-8-SF1', '5P', 'LB-R2-1', 'GF'. */
  id: string;
  stageId: string;
  groupId: string | null;
  bracket: GameBracket;
  /** Round within the group (group stage) or the stage's timeline (knockout: games of round r can be played together). */
  round: number;
  /** Human label of the round: 'R1', 'R16', 'QF', 'SF', 'F', '3P', '5P', 'LB R3', 'GF'. */
  roundName: string;
  /** 1 or 2 in a double round robin, null elsewhere. */
  leg: 1 | 2 | null;
  home: Slot;
  away: Slot;
  /** Ids of the games whose results this game's sides need (direct dependencies only). */
  dependsOn: string[];
  /** Set when the winner's run ends in this game (final: [1, 1]). */
  winnerPlaces: PlaceRange | null;
  /** Set when the loser's run ends in this game (quarter-final without classification: [5, 8]). */
  loserPlaces: PlaceRange | null;
  /** Grand-final reset: played only if the named side of that game won it. */
  playedOnlyIf: { gameId: string; winnerSide: 'home' | 'away' } | null;
}

export interface Group {
  id: string;
  name: string;
  /** In draw order: entrant i is "A(i+1)" for the round-robin table. */
  entrants: Slot[];
  /** Number of rounds of this group's round robin (legs included). */
  rounds: number;
}

export type RoundRobinLegs = 'single' | 'double';

/**
 * Games of earlier group stages that count in a later group stage (FIBA: "games carried over").
 * `among_group`: the games between two teams of the group (EuroBasket second rounds); `all`: every
 * earlier group game of the group's teams, opponents outside the group included (World Cup 2019).
 * Either way two teams that already met (both from one earlier group) do not meet again.
 */
export type CarryOver = 'none' | 'among_group' | 'all';

export interface GroupStage {
  kind: 'group';
  id: string;
  name: string;
  roundRobin: RoundRobinLegs;
  groups: Group[];
  /** Absent in structures built before carry-over existed: read as 'none'. */
  carryOver?: CarryOver;
}

export type KnockoutFormat = 'single_elimination' | 'double_elimination';

export interface KnockoutStage {
  kind: 'knockout';
  id: string;
  name: string;
  format: KnockoutFormat;
  /** Entrants in seed order (seed 1 first), before any rematch-avoidance swap. */
  seeding: Slot[];
  /** Next power of two >= number of entrants; the top seeds get the byes. */
  bracketSize: number;
  thirdPlaceGame: boolean;
  /** Classification games are played for every place up to this one (0: none beyond the 3rd-place option). */
  classifyPlacesDownTo: number;
  grandFinalReset: boolean;
  /** Two teams from the same group are kept apart in the first knockout round where possible. */
  avoidGroupRematch: boolean;
  /**
   * True when the first-round pairing depends on which group a best-placed entrant comes from: the
   * entry games then use `seed` slots and the swap is made at resolution time.
   */
  pairingAtResolution: boolean;
  /** Added to every place this stage decides (a consolation bracket for 9th-16th has offset 8). */
  placeOffset: number;
}

export type Stage = GroupStage | KnockoutStage;

export interface CompetitionStructure {
  formatVersion: 1;
  stages: Stage[];
  /** All games of all stages, ordered so that every game comes after the games it depends on. */
  games: Game[];
}

// ---- Configuration (what the organiser decides) ----

export interface GroupConfig {
  id: string;
  name?: string;
  size: number;
  /** Filled by a group draw (see applyDraw); must hold exactly `size` slots when the structure is built. */
  entrants?: Slot[];
}

export interface GroupStageConfig {
  kind: 'group';
  id: string;
  name?: string;
  roundRobin: RoundRobinLegs;
  groups: GroupConfig[];
  /** Default 'none'. Needs an earlier group stage and a single round robin. */
  carryOver?: CarryOver;
}

export interface KnockoutStageConfig {
  kind: 'knockout';
  id: string;
  name?: string;
  format?: KnockoutFormat;
  /** Seed order; use crossoverSeeding() to derive it from a group stage. */
  entrants: Slot[];
  thirdPlaceGame?: boolean;
  classifyPlacesDownTo?: number;
  /** Shorthand for classifyPlacesDownTo = number of entrants. */
  fullClassification?: boolean;
  grandFinalReset?: boolean;
  avoidGroupRematch?: boolean;
  placeOffset?: number;
  /** Prepended to every game id of this stage; needed only when a structure has two knockout stages. */
  gameIdPrefix?: string;
}

export type StageConfig = GroupStageConfig | KnockoutStageConfig;

export interface CompetitionConfig {
  stages: StageConfig[];
}

// ---- Facts (what happened) ----

/** Game progress as far as this area cares: anything but 'scheduled' means the game has started. */
export type GameStatus = 'scheduled' | 'live' | 'final' | 'confirmed';

export interface GameResultFact {
  gameId: string;
  status: GameStatus;
  winnerTeamId: string | null;
  loserTeamId: string | null;
}

export interface GroupRankingRow {
  teamId: string;
  rank: number;
  played: number;
  wins: number;
  losses: number;
  classificationPoints: number;
  pointsFor: number;
  pointsAgainst: number;
}

/** A group's standings as computed by src/domain/standings (FIBA tie-breaks are not re-done here). */
export interface GroupOutcomeFact {
  groupId: string;
  isFinal: boolean;
  ranking: GroupRankingRow[];
}

/** A recorded drawing of lots between teams level across groups (for one stage and one group place). */
export interface CrossGroupDrawFact {
  stageId: string;
  place: number;
  order: string[];
}

export interface CompetitionFacts {
  groups: GroupOutcomeFact[];
  games: GameResultFact[];
  crossGroupDraws?: CrossGroupDrawFact[];
}
