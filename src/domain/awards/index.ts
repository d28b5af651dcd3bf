/**
 * Tournament awards: team places, awards computed from statistics (得分王, 助攻王, 篮板王),
 * an MVP candidate list for the panel, organisers' decisions (MVP, 最佳阵容, 精神风尚奖,
 * 优秀组织奖) with their validation, and the published, bilingual awards list.
 */
export {
  computedAwards,
  COMPUTED_AWARD_CATEGORIES,
  type ComputedAward,
  type ComputedAwardKey,
} from './computed-awards.js';
export {
  DECIDED_AWARD_RULES,
  validateAwardDecisions,
  type AwardDecision,
  type AwardRecipient,
  type DecidedAwardKey,
  type RecipientRegistry,
  type RecipientType,
} from './decided-awards.js';
export { AWARD_LABELS, placeLabelEn, placeLabelZh, type LabelledAwardKey } from './labels.js';
export {
  DEFAULT_MVP_TEAM_SUCCESS,
  mvpCandidates,
  type MvpBasis,
  type MvpCandidate,
  type MvpSettings,
  type TeamSuccessWeighting,
} from './mvp-candidates.js';
export {
  publishAwards,
  type PublishAwardsInput,
  type PublishedAward,
  type PublishedAwardKind,
} from './publish-awards.js';
export {
  DEFAULT_SPORTSMANSHIP_WEIGHTS,
  sportsmanshipIndicators,
  type Forfeit,
  type MisconductFoul,
  type MisconductFoulKind,
  type SportsmanshipIndicator,
  type SportsmanshipOptions,
  type SportsmanshipTeam,
  type SportsmanshipWeights,
} from './sportsmanship.js';
export { groupByPlace, validateTeamPlaces, type TeamPlace } from './team-places.js';
export {
  applyStatsSettings,
  awardLeaderSettingsOf,
  DEFAULT_STATS_SETTINGS,
  leaderSettingsOf,
  type StatsSettings,
  type StatsSettingsPatch,
} from './settings.js';
export { conductOf, type ConductGame } from './conduct.js';
