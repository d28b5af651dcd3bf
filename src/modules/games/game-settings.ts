import { DEFAULT_LIFECYCLE_SETTINGS, type GameSettingsInput, type LifecycleSettings } from '../../domain/game/index.js';
import type { TournamentRules } from '../../domain/registration/tournament-rules.js';

/** The tournament's rules as the game reducer reads them. */
export const gameSettingsOf = (rules: TournamentRules): GameSettingsInput => ({
  periods: rules.periods,
  periodMinutes: rules.periodMinutes,
  overtimeMinutes: rules.overtimeMinutes,
  foulOutLimit: rules.foulOutLimit,
  teamFoulPenaltyFrom: rules.teamFoulPenaltyFrom,
  timeouts: { ...rules.timeouts },
});

/** The tournament's rules as the lifecycle reads them (lost by default is FIBA's 2:0; no setting for it yet). */
export const lifecycleSettingsOf = (rules: TournamentRules): LifecycleSettings => ({
  forfeitScore: rules.forfeitScore,
  defaultScore: DEFAULT_LIFECYCLE_SETTINGS.defaultScore,
  autoConfirm: rules.autoConfirmResults,
});
