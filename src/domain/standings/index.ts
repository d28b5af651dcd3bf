/**
 * Standings: FIBA group classification (Official Basketball Rules, Appendix D) and the ranking of
 * teams across groups (best runner-up). Pure functions over plain data.
 */
export { computeGroupStandings } from './group-standings.js';
export { rankAcrossGroups, rankPlaceAcrossGroups } from './cross-group.js';
export type { CrossGroupCriterion, CrossGroupEntry, CrossGroupPlace, PlaceAcrossGroups } from './cross-group.js';
export { CLASSIFICATION_POINTS } from './tally.js';
export { computeQualification, MAX_ENUMERATED_GAMES } from './qualification.js';
export type { Qualification, QualificationInput } from './qualification.js';
export type {
  GameOutcome,
  GameState,
  GroupGame,
  GroupStandings,
  GroupStandingsInput,
  GroupStandingsOptions,
  MiniTable,
  ScheduledGame,
  StandingRow,
  TeamRecord,
  TieBreakCriterion,
  TieBreakStep,
} from './types.js';
