import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '../../database/transaction.js';
import { eventsOfStatusChange, eventsOfTopics, type WebhookEvent } from '../../domain/webhooks/index.js';
import { LiveDelivery } from '../../live/live-delivery.service.js';
import { GameResultEvents, type GameStatusChanged } from '../games/game-result-events.js';
import { GamesService } from '../games/games.service.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/**
 * Writes what webhooks must tell into the outbox (webhook_delivery), one row per subscribed hook.
 *
 * Game steps (started, final, corrected) are written by a GameResultEvents listener, inside the
 * step's own transaction: they commit with the result or not at all. Standings and schedule
 * changes come from LiveDelivery.tournamentChanged, which many commands call; those rows are
 * written right after the command commits and before it answers (TransactionHost runs
 * after-commit work before returning), so a caller that got its answer has its row. A crash in
 * the instant between the two loses that notice; the game steps cannot be lost.
 */
@Injectable()
export class WebhookOutbox implements OnModuleInit {
  /** Topics already written for the current transaction (one notice per command, not per call). */
  private readonly written = new WeakMap<EntityManager, Set<string>>();

  constructor(
    private readonly txHost: TransactionHost,
    private readonly resultEvents: GameResultEvents,
    private readonly delivery: LiveDelivery,
    private readonly games: GamesService,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onModuleInit(): void {
    this.resultEvents.subscribe((change) => this.onGameStep(change));
    this.delivery.observeTournamentChanges((tournamentId, topics, gameId) =>
      this.onTournamentChanged(tournamentId, eventsOfTopics(topics), gameId),
    );
  }

  private async onGameStep(change: GameStatusChanged): Promise<void> {
    const events = eventsOfStatusChange({
      from: change.from,
      to: change.to,
      resultBefore: change.previousResult ?? null,
      resultAfter: change.result,
    });
    if (events.length === 0) return;
    const game = await this.games.get(change.gameId);
    const data = {
      from: change.from,
      to: change.to,
      previousResult: change.previousResult ?? null,
      game: {
        id: game.id,
        competitionKey: game.competitionKey,
        homeTeam: game.homeTeam,
        awayTeam: game.awayTeam,
        court: game.court,
        scheduledAt: game.scheduledAt,
        status: game.status,
        homeScore: game.homeScore,
        awayScore: game.awayScore,
        result: game.result,
      },
    };
    for (const event of events) await this.record(change.tournamentId, event, data);
  }

  private onTournamentChanged(tournamentId: string, events: WebhookEvent[], gameId: string | null): void {
    if (events.length === 0) return;
    const inTransaction = this.txHost.inTransaction;
    const seen = inTransaction ? this.seenIn(this.txHost.tx) : new Set<string>();
    const fresh = events.filter((e) => !seen.has(`${tournamentId}:${e}`));
    fresh.forEach((e) => seen.add(`${tournamentId}:${e}`));
    if (fresh.length === 0) return;
    this.txHost.afterCommit(async () => {
      for (const event of fresh) await this.record(tournamentId, event, { gameId });
    });
  }

  private seenIn(manager: EntityManager): Set<string> {
    let seen = this.written.get(manager);
    if (!seen) this.written.set(manager, (seen = new Set()));
    return seen;
  }

  /** One outbox row per hook of the tournament that subscribed to the event; the same body for all. */
  async record(tournamentId: string, event: WebhookEvent, data: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({
      id: randomUUID(),
      event,
      tournamentId,
      occurredAt: new Date().toISOString(),
      data,
    });
    const rows = (await this.txHost.tx.query(
      `INSERT INTO webhook_delivery (webhook_id, event, body)
       SELECT id, $2::text, $3::text FROM webhook WHERE tournament_id = $1 AND events @> jsonb_build_array($2::text)
       RETURNING id`,
      [tournamentId, event, body],
    )) as unknown[];
    if (rows.length > 0) this.txHost.afterCommit(() => this.dispatcher.kick());
  }
}
