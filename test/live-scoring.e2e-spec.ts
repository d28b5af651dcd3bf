import { randomUUID } from 'node:crypto';
import type { GameStatusChange } from '../src/live/events.js';
import type { Ack } from '../src/live/events.js';
import { expected, overtime, regulation, changxing, deqing } from '../src/domain/game/fixtures/huzhou-third-place.js';
import { playScript, type Side } from '../src/domain/game/fixtures/play-script.js';
import { gameContext, type PlayEventBody, type TeamRoster } from '../src/domain/game/index.js';
import { connectSocket, recordDeltas, scoredGame, waitFor, type LiveSocket } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const spec = (r: TeamRoster) => ({
  name: r.name,
  players: r.players.map((p) => ({ jersey: String(p.jerseyNumber), name: p.name })),
});

/**
 * The 3rd-place game of Huzhou's first 工BA (2024), played through the API by two scorekeepers:
 * an assigned account on a socket and a device with a game code over HTTP. Regulation ends
 * 48:48, the game cannot end tied, 长兴天顺物流队 wins 55:52 in overtime.
 */
describe('live scoring: the Huzhou 3rd-place game (长兴天顺物流队 vs 德清乾元篮球队)', () => {
  let ctx: TestContext;
  let setup: Awaited<ReturnType<typeof scoredGame>>;
  let scorer: LiveSocket;
  let fan: LiveSocket;
  const sockets: LiveSocket[] = [];
  beforeAll(async () => {
    ctx = await startTestApp();
    setup = await scoredGame(ctx, spec(changxing), spec(deqing), { game: { competitionKey: '3RD' } });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await ctx?.close();
  });

  it('is played from ready to official, with a retry, a stale write, corrections and overtime', async () => {
    const { game, home, away, deviceToken, scorekeeper } = setup;
    const url = `/api/v1/games/${game.id}`;
    const idOf = (side: Side, jersey: string) => (side === 'H' ? home : away).ids.get(jersey)!;
    const five = (r: TeamRoster, side: Side) => r.startingFive!.map((id) => idOf(side, id.split('-').pop()!));

    // The people: an assigned scorekeeper on a socket (A), a game-code device over HTTP (B), a fan.
    scorer = await connectSocket(ctx.baseUrl, scorekeeper.accessToken);
    fan = await connectSocket(ctx.baseUrl, null);
    sockets.push(scorer, fan);
    const fanDeltas = recordDeltas(fan);
    const statusChanges: GameStatusChange[] = [];
    fan.on('game:status', (c) => statusChanges.push(c));
    expect(await fan.emitWithAck('game:subscribe', { gameId: game.id })).toMatchObject({
      ok: true,
      data: { mode: 'snapshot', gameId: game.id, snapshot: { status: 'scheduled', seq: 0, live: null } },
    });
    expect((await scorer.emitWithAck('game:subscribe', { gameId: game.id })).ok).toBe(true);

    // Ready: the scorer's table confirms both starting fives.
    const ready = await setup.f.ok('POST', `${url}/transitions`, {
      to: 'ready',
      homeStartingFive: five(changxing, 'H'),
      awayStartingFive: five(deqing, 'A'),
    });
    expect(ready).toMatchObject({
      status: 'ready',
      homeTeam: { name: '长兴天顺物流队' },
      awayTeam: { name: '德清乾元篮球队' },
      live: { lastSeq: 0, score: { home: 0, away: 0 } },
    });

    // The script, written with the real ids, gives each event's body.
    const context = gameContext({
      gameId: game.id,
      teams: [
        {
          teamId: home.id,
          name: home.name,
          players: changxing.players.map((p) => ({
            playerId: idOf('H', String(p.jerseyNumber)),
            teamId: home.id,
            jerseyNumber: p.jerseyNumber,
            name: p.name,
          })),
        },
        {
          teamId: away.id,
          name: away.name,
          players: deqing.players.map((p) => ({
            playerId: idOf('A', String(p.jerseyNumber)),
            teamId: away.id,
            jerseyNumber: p.jerseyNumber,
            name: p.name,
          })),
        },
      ],
    });
    const script = playScript(context);
    const bodyOf = (seq: number): PlayEventBody => {
      const { seq: _s, clientEventId: _c, ...body } = script.log[seq - 1]!;
      return body as PlayEventBody;
    };

    type Who = 'A' | 'B';
    const seen: Record<Who, number> = { A: 0, B: 0 };
    const stale: Record<Who, number> = { A: 0, B: 0 };
    scorer.on('game:event', (d) => (seen.A = Math.max(seen.A, d.seq)));
    const device = ctx.as(deviceToken);
    const asAck = (res: { status: number; body: any }): Ack<any> =>
      res.status < 300 ? { ok: true, data: res.body } : { ok: false, error: res.body };
    const raw = async (
      who: Who,
      command: { clientEventId: string; expectedSeq: number; event?: PlayEventBody },
      undo = false,
    ): Promise<Ack<any>> => {
      if (who === 'A')
        return undo
          ? scorer.emitWithAck('game:undo', { gameId: game.id, ...command })
          : scorer.emitWithAck('game:event', { gameId: game.id, ...(command as any) });
      return asAck(await device('POST', `${url}/${undo ? 'undo' : 'events'}`, command));
    };
    /** Sends like a device does: on a stale seq it catches up from the answer and sends again. */
    const send = async (who: Who, body: PlayEventBody | 'undo', clientEventId = randomUUID()) => {
      const command = (expectedSeq: number) => ({
        clientEventId,
        expectedSeq,
        ...(body === 'undo' ? {} : { event: body }),
      });
      let ack = await raw(who, command(seen[who]), body === 'undo');
      if (!ack.ok && ack.error.code === 'GAME_SEQ_STALE') {
        stale[who]++;
        seen[who] = ack.error.context!.lastSeq as number;
        ack = await raw(who, command(seen[who]), body === 'undo');
      }
      if (!ack.ok) throw new Error(`${who} ${JSON.stringify(body)} -> ${JSON.stringify(ack.error)}`);
      seen[who] = Math.max(seen[who], ack.data.seq);
      return ack.data;
    };
    const play = async (who: Who, lines: readonly string[]) => {
      for (const line of lines) {
        const seq = script.add(line);
        const ack = await send(who, line === 'undo' ? 'undo' : bodyOf(seq));
        expect(ack.seq).toBe(seq);
        if (line === 'undo') expect(ack.event).toEqual(bodyOf(seq));
      }
    };

    // 1st period on the socket, with a retry over bad Wi-Fi in the middle of it.
    await play('A', regulation[0]!.slice(0, 2));
    const basket = { clientEventId: randomUUID(), expectedSeq: 2, event: bodyOf(script.add(regulation[0]![2]!)) };
    const first = await scorer.emitWithAck('game:event', { gameId: game.id, ...(basket as any) });
    const retry = await scorer.emitWithAck('game:event', { gameId: game.id, ...(basket as any) });
    expect(first).toMatchObject({ ok: true, data: { seq: 3, duplicate: false } });
    expect(retry).toEqual({ ok: true, data: { ...(first as any).data, duplicate: true } });
    // The same retry arriving over HTTP, long after, still gets the original answer.
    const lateRetry = await device('POST', `${url}/events`, basket);
    expect(lateRetry.body).toEqual({ ...(first as any).data, duplicate: true });
    // The same id for something else is refused.
    const reused = await device('POST', `${url}/events`, { ...basket, expectedSeq: 3, event: bodyOf(1) });
    expect(reused).toMatchObject({ status: 409, body: { code: 'GAME_EVENT_ID_REUSED', context: { seq: 3 } } });
    seen.A = 3;
    await play('A', regulation[0]!.slice(3));

    // 2nd period: the device at the table takes over; it last saw nothing, so its first write is stale.
    const staleWrite = await device('POST', `${url}/events`, {
      clientEventId: randomUUID(),
      expectedSeq: 0,
      event: { type: 'period_start' },
    });
    expect(staleWrite).toMatchObject({
      status: 409,
      body: { code: 'GAME_SEQ_STALE', details: [{ field: 'expectedSeq', reason: 'must be 44' }] },
    });
    expect(staleWrite.body.context).toMatchObject({
      lastSeq: 44,
      game: { status: 'live', lastSeq: 44, score: { home: 12, away: 12 }, period: { label: '1', status: 'ended' } },
    });
    expect(staleWrite.body.context.missed.map((e: any) => e.seq)).toEqual(
      Array.from({ length: 44 }, (_, i) => i + 1).slice(0, 50),
    );
    expect((await ctx.http('GET', `${url}/plays?afterSeq=0&limit=500`)).body.items).toHaveLength(44);
    await play('B', regulation[1]!);
    expect(stale.B).toBe(1);

    // 3rd period back on the socket (it heard the device's events as they committed).
    await waitFor(() => seen.A === script.log.length, 'the scorer socket to hear every event');
    await play('A', regulation[2]!);
    await play('B', regulation[3]!);

    // End of regulation: 48:48, and the game cannot end tied.
    const tied = (await ctx.anon('GET', url)).body;
    expect(tied.live).toMatchObject({
      score: { home: 48, away: 48 },
      overtimeRequired: true,
      gameOver: false,
      period: { label: '4', status: 'ended' },
    });
    const cannotEnd = await ctx.as(scorekeeper.accessToken)('POST', `${url}/transitions`, { to: 'final' });
    expect(cannotEnd).toMatchObject({ status: 409, body: { code: 'GAME_ILLEGAL_TRANSITION' } });
    expect(cannotEnd.body.message).toContain('tied 48:48');
    const tooEarly = await device('POST', `${url}/events`, {
      clientEventId: randomUUID(),
      expectedSeq: seen.B,
      event: { type: 'field_goal_made', teamId: home.id, playerId: idOf('H', '7'), points: 2 },
    });
    expect(tooEarly).toMatchObject({ status: 400, body: { code: 'GAME_PERIOD_NOT_RUNNING' } });

    // Overtime on the socket, with a time-out pressed by mistake and undone.
    await waitFor(() => seen.A === script.log.length, 'the scorer socket to catch up');
    await play('A', overtime);
    const ended = await scorer.emitWithAck('game:transition', { gameId: game.id, to: 'final' });
    expect(ended).toMatchObject({
      ok: true,
      data: { status: 'final', homeScore: 55, awayScore: 52, result: { kind: 'played', winnerTeamId: home.id } },
    });
    // Confirming is the organisers' decision.
    expect((await ctx.as(scorekeeper.accessToken)('POST', `${url}/transitions`, { to: 'official' })).body.code).toBe(
      'GAME_ORGANISER_ONLY',
    );
    const official = await setup.f.ok('POST', `${url}/transitions`, { to: 'official' });
    expect(official).toMatchObject({
      status: 'official',
      result: { homeScore: 55, awayScore: 52, winnerTeamId: home.id },
    });

    // The log: every scripted event once, gap-free, corrections kept as events.
    const plays = (await ctx.anon('GET', `${url}/plays?limit=500`)).body;
    expect(plays.lastSeq).toBe(script.log.length);
    expect(plays.items.map((p: any) => p.seq)).toEqual(script.log.map((e) => e.seq));
    expect(plays.items.map((p: any) => p.event)).toEqual(script.log.map((e) => bodyOf(e.seq)));
    expect(new Set(plays.items.map((p: any) => p.clientEventId)).size).toBe(script.log.length);
    expect(plays.items.filter((p: any) => !p.inForce).map((p: any) => p.event.type)).toEqual([
      'field_goal_made',
      'timeout',
    ]);

    // Score by period and the box score, as counted by hand.
    const final = (await ctx.anon('GET', url)).body;
    expect(final.scoreByPeriod).toEqual(expected.scoreByPeriod.map((p) => ({ label: p.label, home: p.H, away: p.A })));
    expect(final.live).toMatchObject({
      score: { home: 55, away: 52 },
      gameOver: true,
      period: { label: 'OT1' },
      flags: [],
    });
    const box = (await ctx.anon('GET', `${url}/box-score`)).body;
    expect(box).toMatchObject({ status: 'official', lastSeq: script.log.length, gameOver: true });
    const teamOf = (s: Side) => box.teams.find((t: any) => t.teamId === (s === 'H' ? home.id : away.id));
    for (const [key, want] of Object.entries(expected.lines)) {
      const [s, jersey] = key.split(' ') as [Side, string];
      expect({ who: key, ...teamOf(s).players.find((p: any) => p.jerseyNumber === Number(jersey)) }).toMatchObject({
        who: key,
        ...want,
      });
    }
    for (const s of ['H', 'A'] as const) {
      expect(teamOf(s).totals).toMatchObject({ ...expected.shooting[s], pts: expected.final[s] });
    }
    expect(teamOf('H').percentages).toEqual({ fg: 54.1, fg2: 64, fg3: 33.3, ft: 68.8 });
    expect(teamOf('A').players.find((p: any) => p.jerseyNumber === 11)).toMatchObject({ out: 'fouled_out', pf: 5 });

    // The fan heard every committed event once, in order, and every status change.
    await waitFor(() => fanDeltas.length === script.log.length, 'the fan to hear every event');
    expect(fanDeltas.map((d) => d.seq)).toEqual(script.log.map((e) => e.seq));
    expect(fanDeltas.at(-1)!.game.score).toEqual({ home: 55, away: 52 });
    await waitFor(() => statusChanges.length === 4, 'four status changes');
    expect(statusChanges.map((c) => `${c.from}->${c.status}`)).toEqual([
      'scheduled->ready',
      'ready->live',
      'live->final',
      'final->official',
    ]);

    // A fan who tries to score gets an error, and nothing changes.
    const sneaky = await fan.emitWithAck('game:event', {
      gameId: game.id,
      clientEventId: randomUUID(),
      expectedSeq: script.log.length,
      event: { type: 'score_adjust', teamId: away.id, points: 3 },
    });
    expect(sneaky).toMatchObject({ ok: false, error: { statusCode: 401, code: 'AUTH_REQUIRED' } });
    expect((await ctx.anon('GET', url)).body).toMatchObject({ homeScore: 55, awayScore: 52, version: final.version });
  });
});
