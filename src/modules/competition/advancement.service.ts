import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { TransactionHost } from '../../database/transaction.js';
import {
  planCorrection,
  resolveSlots,
  type AffectedGame,
  type CompetitionFacts,
  type CompetitionStructure,
  type Correction,
  type GroupOutcomeFact,
} from '../../domain/competition/index.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { GameFixtures, type FixtureRow } from '../games/game-fixtures.service.js';
import { GameResultEvents, type GameStatusChanged } from '../games/game-result-events.js';
import { busyAsConflict } from './competition-errors.js';
import { competitionPicture, effectiveResults, isDecided, sameResult } from './competition-facts.js';
import { CompetitionStore } from './competition-store.js';
import type { CompetitionEntity } from './competition.entity.js';
import type { AppliedResult, CompetitionLots, ForcedCorrection } from './competition.types.js';

export interface AdvanceOptions {
  /** The structure game whose lifecycle step triggered this (matched against a pending override). */
  trigger?: string | null;
  /** The lots as they were before this command (when the command recorded new ones). */
  previousLots?: CompetitionLots;
  rows?: Map<string, FixtureRow>;
}

export interface AdvanceOutcome {
  affectedGames: AffectedGame[];
  forced: ForcedCorrection | null;
}

/**
 * Advancement: when results become final (or are corrected), group standings and knockout
 * winners/losers fill the slots that depend on them, and the teams of those games are set in the
 * games module — inside the transaction of the result itself (GameResultEvents), so a result and
 * its consequences commit together. The rules are src/domain/competition (planCorrection,
 * resolveSlots) over FIBA standings (src/domain/standings).
 */
@Injectable()
export class AdvancementService implements OnModuleInit {
  constructor(
    readonly txHost: TransactionHost,
    private readonly store: CompetitionStore,
    private readonly fixtures: GameFixtures,
    private readonly events: GameResultEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((change) => this.onGameStatusChanged(change));
  }

  /** Runs inside the lifecycle step's transaction; throwing refuses the step. */
  async onGameStatusChanged(change: GameStatusChanged): Promise<void> {
    // Only a step to a result changes what counts: a reopened game keeps its last result until decided again.
    if (change.from === change.to || !isDecided(change.to)) return;
    await busyAsConflict(() => this.advanceAfter(change));
  }

  private async advanceAfter(change: GameStatusChanged): Promise<void> {
    const competition = await this.store.find(change.tournamentId, true);
    if (!competition || competition.phase !== 'games_created' || !competition.structure) return;
    const rows = await this.store.rows(change.tournamentId);
    const trigger = [...rows.values()].find((r) => r.id === change.gameId)?.competitionKey;
    if (trigger === undefined) return;
    await this.advance(competition, change.actor, { trigger, rows });
  }

  /**
   * Brings the competition in line with the games' results. Every change goes through
   * planCorrection, which refuses (409 COMPETITION_DEPENDENT_GAME_STARTED, naming the game) when a
   * game that has started would get other teams — unless an organiser recorded an override for
   * the corrected game, which is then used up and kept in the record.
   */
  async advance(competition: CompetitionEntity, actor: Actor, options: AdvanceOptions = {}): Promise<AdvanceOutcome> {
    const structure = competition.structure;
    if (!structure || competition.phase !== 'games_created') return { affectedGames: [], forced: null };
    const rows = options.rows ?? (await this.store.rows(competition.tournamentId));
    const applied = competition.results;
    const results = effectiveResults(structure, rows, applied);
    const before = competitionPicture(structure, applied, rows, options.previousLots ?? competition.lots).facts;
    const after = competitionPicture(structure, results, rows, competition.lots).facts;

    const override = competition.pendingOverride;
    const force = override !== null && options.trigger === override.gameId;
    const chain = this.chainCorrections(structure, before, after, applied, results, force, competition.tournamentId);

    const invalidated = new Set(chain.invalidatedResults);
    const nextResults: Record<string, AppliedResult> = {};
    for (const [gameId, result] of Object.entries(results)) if (!invalidated.has(gameId)) nextResults[gameId] = result;

    let forced: ForcedCorrection | null = null;
    if (force && chain.changed) {
      forced = {
        gameId: override.gameId,
        reason: override.reason,
        accountId: actor.accountId,
        at: new Date().toISOString(),
        overriddenGames: chain.overridden,
        invalidatedResults: chain.invalidatedResults,
      };
      competition.forcedCorrections = [...competition.forcedCorrections, forced];
      competition.pendingOverride = null;
      await this.audit.record(actor, {
        action: 'competition.correction_forced',
        entity: 'competition',
        entityId: competition.id,
        tournamentId: competition.tournamentId,
        before: { override },
        after: { ...forced, affectedGames: chain.affected },
      });
    }

    await this.syncTeams(competition.tournamentId, structure, chain.facts, rows, actor);

    const resultsChanged = JSON.stringify(nextResults) !== JSON.stringify(applied);
    if (resultsChanged || forced) {
      competition.results = nextResults;
      await this.store.save(competition);
    }
    if (chain.affected.length > 0) {
      await this.audit.record(actor, {
        action: 'competition.advanced',
        entity: 'competition',
        entityId: competition.id,
        tournamentId: competition.tournamentId,
        before: { slots: chain.affected.map((a) => ({ gameId: a.gameId, side: a.side, ...a.before })) },
        after: {
          trigger: options.trigger ?? null,
          slots: chain.affected.map((a) => ({ gameId: a.gameId, side: a.side, ...a.after })),
        },
      });
    }
    return { affectedGames: chain.affected, forced };
  }

  /** Every changed result, then every changed group outcome, one planCorrection at a time. */
  private chainCorrections(
    structure: CompetitionStructure,
    before: CompetitionFacts,
    after: CompetitionFacts,
    applied: Record<string, AppliedResult>,
    results: Record<string, AppliedResult>,
    force: boolean,
    tournamentId: string,
  ) {
    const corrections: Correction[] = [];
    structure.games.forEach((game, i) => {
      if (!sameResult(applied[game.id], results[game.id]))
        corrections.push({ kind: 'game_result', result: after.games[i]! });
    });
    const groupIds = new Set([...before.groups, ...after.groups].map((g) => g.groupId));
    for (const groupId of groupIds) {
      const was = before.groups.find((g) => g.groupId === groupId);
      const now = after.groups.find((g) => g.groupId === groupId) ?? { groupId, isFinal: false, ranking: [] };
      if (!sameOutcome(was, now)) corrections.push({ kind: 'group_outcome', outcome: now });
    }
    // Lots recorded by this command apply from the start (they only ever fill slots waiting for them).
    let facts: CompetitionFacts = { ...before, crossGroupDraws: after.crossGroupDraws };
    const affected: AffectedGame[] = [];
    const overridden = new Set<string>();
    const invalidatedResults: string[] = [];
    for (const correction of corrections) {
      let plan;
      try {
        plan = planCorrection(structure, facts, correction, { force });
      } catch (e) {
        throw withOverrideHint(e, tournamentId);
      }
      facts = plan.facts;
      affected.push(...plan.affectedGames);
      plan.overriddenStartedGames.forEach((g) => overridden.add(g));
      invalidatedResults.push(...plan.invalidatedResults);
    }
    return {
      facts,
      affected,
      overridden: [...overridden],
      invalidatedResults: [...new Set(invalidatedResults)],
      changed: corrections.length > 0,
    };
  }

  /** Sets the teams of every game not yet marked ready to what its slots resolve to now. */
  private async syncTeams(
    tournamentId: string,
    structure: CompetitionStructure,
    facts: CompetitionFacts,
    rows: Map<string, FixtureRow>,
    actor: Actor,
  ): Promise<void> {
    const resolution = resolveSlots(structure, facts);
    for (const game of resolution.games) {
      const row = rows.get(game.gameId);
      if (!row || (row.status !== 'scheduled' && row.status !== 'postponed')) continue;
      const homeTeamId = game.home.state === 'resolved' ? game.home.teamId : null;
      const awayTeamId = game.away.state === 'resolved' ? game.away.teamId : null;
      if (row.homeTeamId === homeTeamId && row.awayTeamId === awayTeamId) continue;
      await this.fixtures.assignTeams(
        actor,
        { id: row.id, tournamentId },
        { homeTeamId, awayTeamId },
        `competition slots of ${game.gameId}`,
      );
      row.homeTeamId = homeTeamId;
      row.awayTeamId = awayTeamId;
    }
  }
}

function sameOutcome(a: GroupOutcomeFact | undefined, b: GroupOutcomeFact): boolean {
  if (a === undefined) return !b.isFinal && b.ranking.length === 0;
  return JSON.stringify(a) === JSON.stringify(b);
}

function withOverrideHint(e: unknown, tournamentId: string): unknown {
  if (!(e instanceof DomainError) || e.code !== 'COMPETITION_DEPENDENT_GAME_STARTED') return e;
  return new DomainError(
    e.code,
    e.kind,
    `${e.message} (an organiser records it with POST /api/v1/tournaments/${tournamentId}/competition/overrides, then repeats the step)`,
    e.details,
    e.context,
  );
}
