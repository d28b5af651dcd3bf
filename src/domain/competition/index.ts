/**
 * Competition structure: stages (groups, knockouts), group draws, round robins, brackets, slots that
 * link stages, slot resolution, corrections and final places. Pure functions over plain JSON.
 */
export type * from './types.js';
export { buildCompetition } from './build-structure.js';
export { gameTitle } from './game-names.js';
export { carriedOverGameIds, type PlayedPairing } from './carry-over.js';
export { roundRobinRounds, roundRobinGameCount, type RoundRobinRound, type RoundRobinPairing } from './round-robin.js';
export { standardBracketOrder, nextPowerOfTwo, firstRoundPairs, rematchFreeSeeding } from './seeding.js';
export { crossoverSeeding, type CrossoverOptions } from './crossover.js';
export {
  drawGroupsByHand,
  drawGroupsRandomly,
  drawGroupsSerpentine,
  drawGroupsFromPots,
  applyDraw,
  type DrawGroupSpec,
  type DrawTeam,
  type DrawMethod,
  type DrawOptions,
  type GroupDraw,
} from './group-draw.js';
export {
  resolveSlots,
  isDecidedStatus,
  type SlotResolution,
  type ResolvedGame,
  type ResolvedSide,
  type SideState,
  type SeedSwap,
} from './resolve-slots.js';
export { planCorrection, type Correction, type CorrectionPlan, type AffectedGame } from './corrections.js';
export { computeFinalRanking, type FinalPlace, type FinalPlaceReason } from './final-ranking.js';
export {
  buildFormatTemplate,
  huzhou2024Config,
  buildHuzhou2024,
  groupLetter,
  GROUP_STAGE_ID,
  KNOCKOUT_STAGE_ID,
  type FormatTemplateOptions,
  type KnockoutTemplateOptions,
  type Huzhou2024Format,
  type NameLanguage,
} from './templates.js';
export {
  competitionScheduleInput,
  type CompetitionScheduleSettings,
  type CourtWithWindows,
  type GameSlotOption,
  type StageDays,
} from './schedule-input.js';
