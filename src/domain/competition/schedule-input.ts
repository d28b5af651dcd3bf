/**
 * A competition structure as a scheduling problem (src/domain/schedule): teams known now,
 * dependencies from the structure, each game's stage and the stage's days, the 3rd-place game
 * before the final on the final's day, and the organiser's options per game.
 */
import type { ScheduleGame, ScheduleInput, ScheduleSettings } from '../schedule/index.js';
import type { SlotResolution } from './resolve-slots.js';
import type { CompetitionStructure, Game } from './types.js';

export interface StageDays {
  stageId: string;
  /** 'YYYY-MM-DD', inclusive. */
  first: string;
  last: string;
}

export interface GameSlotOption {
  gameId: string;
  fixed?: { courtId: string; start: string } | null;
  preferredCourtIds?: string[] | null;
  durationMinutes?: number | null;
}

export interface CompetitionScheduleSettings extends ScheduleSettings {
  games: GameSlotOption[];
  stageDays?: StageDays[];
}

export interface CourtWithWindows {
  id: string;
  name: string;
  windows: Array<{ start: string; end: string }>;
}

export function competitionScheduleInput(
  structure: CompetitionStructure,
  resolution: SlotResolution,
  courts: CourtWithWindows[],
  settings: CompetitionScheduleSettings,
): ScheduleInput {
  const options = new Map(settings.games.map((g) => [g.gameId, g]));
  const days = new Map((settings.stageDays ?? []).map((d) => [d.stageId, d]));
  const stageIndex = new Map(structure.stages.map((s, i) => [s.id, i]));
  const beforeFinal = thirdPlaceBeforeFinal(structure);
  return {
    games: structure.games.map((game, i): ScheduleGame => {
      const sides = resolution.games[i]!;
      const option = options.get(game.id);
      const stageDays = days.get(game.stageId);
      const final = beforeFinal.get(game.id);
      return {
        id: game.id,
        teamIds: [sides.home, sides.away].filter((s) => s.state === 'resolved').map((s) => s.teamId!),
        dependsOn: game.dependsOn,
        // Rounds of later stages come after every round of earlier ones.
        round: stageIndex.get(game.stageId)! * 1000 + game.round,
        stage: game.stageId,
        // A team plays at most one game of a round (of a group, or of a knockout's timeline).
        exclusiveKey: `${game.stageId}#${game.groupId ?? ''}#${game.round}`,
        ...(stageDays ? { days: { first: stageDays.first, last: stageDays.last } } : {}),
        ...(final ? { beforeOnSameDay: final } : {}),
        ...(option?.fixed ? { fixed: option.fixed } : {}),
        ...(option?.preferredCourtIds ? { preferredCourtIds: option.preferredCourtIds } : {}),
        ...(option?.durationMinutes ? { durationMinutes: option.durationMinutes } : {}),
      };
    }),
    courts: courts.map((c) => ({ id: c.id, name: c.name })),
    windows: courts.flatMap((c) => c.windows.map((w) => ({ courtId: c.id, start: w.start, end: w.end }))),
    settings: {
      slotMinutes: settings.slotMinutes,
      minRestMinutes: settings.minRestMinutes,
      dependencyBufferMinutes: settings.dependencyBufferMinutes ?? 0,
      startStepMinutes: settings.startStepMinutes ?? 5,
      newDayForNewStage: settings.newDayForNewStage ?? false,
    },
  };
}

/** Each knockout stage's 3rd-place game → its final (by the places they decide). */
function thirdPlaceBeforeFinal(structure: CompetitionStructure): Map<string, string> {
  const out = new Map<string, string>();
  for (const stage of structure.stages) {
    if (stage.kind !== 'knockout') continue;
    const decides = (g: Game, place: number) =>
      g.stageId === stage.id &&
      g.winnerPlaces?.[0] === place + stage.placeOffset &&
      g.winnerPlaces[1] === g.winnerPlaces[0];
    const final = structure.games.find((g) => decides(g, 1));
    const third = structure.games.find((g) => decides(g, 3));
    if (final && third) out.set(third.id, final.id);
  }
  return out;
}
