import { invalid } from '../shared/domain-error.js';
import { doubleEliminationGames } from './double-elimination.js';
import { roundRobinRounds } from './round-robin.js';
import { nextPowerOfTwo, rematchFreeSeeding, standardBracketOrder } from './seeding.js';
import { newGame, singleEliminationGames, type BracketContext } from './single-elimination.js';
import type {
  CompetitionConfig,
  CompetitionStructure,
  Game,
  GroupStage,
  GroupStageConfig,
  KnockoutStage,
  KnockoutStageConfig,
  Slot,
  Stage,
} from './types.js';
import { validateConfig } from './validate-config.js';

/**
 * Builds the whole competition (stages and every game with its slots and dependencies) from the
 * organiser's configuration. Throws a DomainError for any configuration that could not be played.
 */
export function buildCompetition(input: CompetitionConfig): CompetitionStructure {
  // The structure shares no objects with the caller's configuration.
  const config = structuredClone(input);
  validateConfig(config);
  const stages: Stage[] = [];
  const games: Game[] = [];
  for (const stageConfig of config.stages) {
    const stageGames: Game[] = [];
    const stage =
      stageConfig.kind === 'group'
        ? buildGroupStage(stageConfig, stageGames)
        : buildKnockoutStage(stageConfig, stageGames);
    stages.push(stage);
    // Within a stage, a game of timeline round r only needs games of earlier rounds.
    games.push(...stableSortByRound(stageGames));
  }
  const structure: CompetitionStructure = { formatVersion: 1, stages, games };
  assignDependencies(structure);
  assertUniqueGameIds(games);
  return structure;
}

function buildGroupStage(config: GroupStageConfig, games: Game[]): GroupStage {
  const ctx = { stageId: config.id, games };
  const carryOver = config.carryOver ?? 'none';
  const groups = config.groups.map((group) => {
    const entrants = group.entrants ?? [];
    const rounds = roundRobinRounds(entrants.length, config.roundRobin);
    for (const round of rounds) {
      const pairings = round.pairings.filter(
        (p) => carryOver === 'none' || !metBefore(entrants[p.home], entrants[p.away]),
      );
      pairings.forEach((pairing, i) =>
        newGame(ctx, {
          id: `${config.id}-${group.id}-R${round.round}-G${i + 1}`,
          groupId: group.id,
          bracket: 'group',
          round: round.round,
          roundName: `R${round.round}`,
          leg: config.roundRobin === 'double' ? round.leg : null,
          home: entrants[pairing.home],
          away: entrants[pairing.away],
        }),
      );
    }
    return { id: group.id, name: group.name ?? group.id, entrants, rounds: rounds.length };
  });
  return {
    kind: 'group',
    id: config.id,
    name: config.name ?? config.id,
    roundRobin: config.roundRobin,
    groups,
    ...(carryOver === 'none' ? {} : { carryOver }),
  };
}

/** Two entrants from one earlier group have played each other there: with carry-over that game counts. */
function metBefore(a: Slot, b: Slot): boolean {
  return a.kind === 'group_place' && b.kind === 'group_place' && a.groupId === b.groupId;
}

function buildKnockoutStage(config: KnockoutStageConfig, games: Game[]): KnockoutStage {
  const format = config.format ?? 'single_elimination';
  const n = config.entrants.length;
  const bracketSize = nextPowerOfTwo(n);
  const avoidGroupRematch = config.avoidGroupRematch ?? true;
  const groupOf = config.entrants.map((slot) => knownGroupOf(slot));
  const pairingAtResolution = avoidGroupRematch && config.entrants.some((slot) => slot.kind === 'best_placed');
  // Entrants whose groups are known now are swapped at build time; the rest at resolution.
  const seeding =
    avoidGroupRematch && !pairingAtResolution
      ? rematchFreeSeeding(groupOf, bracketSize).map((i) => config.entrants[i])
      : [...config.entrants];
  const classifyPlacesDownTo = config.fullClassification ? n : (config.classifyPlacesDownTo ?? 0);
  const stage: KnockoutStage = {
    kind: 'knockout',
    id: config.id,
    name: config.name ?? config.id,
    format,
    seeding,
    bracketSize,
    thirdPlaceGame: config.thirdPlaceGame ?? false,
    classifyPlacesDownTo,
    grandFinalReset: config.grandFinalReset ?? false,
    avoidGroupRematch,
    pairingAtResolution,
    placeOffset: config.placeOffset ?? 0,
  };
  const entries = standardBracketOrder(bracketSize).map<Slot | null>((seed) => {
    if (seed > n) return null;
    return pairingAtResolution ? { kind: 'seed', seed } : { ...seeding[seed - 1] };
  });
  const ctx: BracketContext = {
    stageId: config.id,
    idPrefix: config.gameIdPrefix ?? '',
    placeOffset: stage.placeOffset,
    thirdPlaceGame: stage.thirdPlaceGame,
    classifyPlacesDownTo,
    games,
  };
  if (format === 'double_elimination') doubleEliminationGames(ctx, entries, stage.grandFinalReset);
  else singleEliminationGames(ctx, entries);
  return stage;
}

/** The group a slot's team comes from, when the slot alone says so. */
function knownGroupOf(slot: Slot): string | null {
  return slot.kind === 'group_place' ? slot.groupId : null;
}

function stableSortByRound(games: Game[]): Game[] {
  return games
    .map((game, i) => ({ game, i }))
    .sort((a, b) => a.game.round - b.game.round || a.i - b.i)
    .map((x) => x.game);
}

/** Direct dependencies: the games whose results decide each side of a game. */
function assignDependencies(structure: CompetitionStructure): void {
  const gamesOfGroup = new Map<string, string[]>();
  const gamesOfStage = new Map<string, string[]>();
  for (const game of structure.games) {
    if (game.groupId !== null) push(gamesOfGroup, game.groupId, game.id);
    push(gamesOfStage, game.stageId, game.id);
  }
  const stageById = new Map(structure.stages.map((s) => [s.id, s]));
  const sourcesOf = (slot: Slot, stageId: string): string[] => {
    switch (slot.kind) {
      case 'team':
        return [];
      case 'group_place':
        return gamesOfGroup.get(slot.groupId) ?? [];
      case 'best_placed':
        return gamesOfStage.get(slot.stageId) ?? [];
      case 'game_winner':
      case 'game_loser':
        return [slot.gameId];
      case 'seed': {
        // A seed is only known once every entrant of the stage is (the rematch swap needs them all).
        const stage = stageById.get(stageId) as KnockoutStage;
        return stage.seeding.flatMap((entrant) => sourcesOf(entrant, stageId));
      }
    }
  };
  for (const game of structure.games) {
    game.dependsOn = [...new Set([...sourcesOf(game.home, game.stageId), ...sourcesOf(game.away, game.stageId)])];
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function assertUniqueGameIds(games: readonly Game[]): void {
  const seen = new Set<string>();
  for (const game of games) {
    if (seen.has(game.id)) {
      throw invalid(
        'COMPETITION_DUPLICATE_GAME_ID',
        `Two games would both be called ${game.id}: give one of the knockout stages a gameIdPrefix`,
      );
    }
    seen.add(game.id);
  }
}
