import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { io } from 'socket.io-client';
import { JerseyNumbersAsNumbers1796211916079 } from '../migrations/1796211916079-jersey-numbers-as-numbers.js';
import { MAX_SOCKET_MESSAGE_BYTES } from '../src/live/events.js';
import { connectSocket, scoredGame, waitFor, type LiveSocket, type RosterSpec } from './support/live.js';
import { startTestApp, type TestContext } from './support/test-app.js';

const roster = (name: string, first: number): RosterSpec => ({
  name,
  players: Array.from({ length: 8 }, (_, i) => ({ jersey: String(first + i), name: `${name.slice(0, 2)}${i + 1}号` })),
});

describe('games: lifecycle, access, validation and the socket', () => {
  let ctx: TestContext;
  const sockets: LiveSocket[] = [];
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await ctx?.close();
  });

  const newGame = (over: Parameters<typeof scoredGame>[3] = {}) =>
    scoredGame(ctx, roster('吴兴新凤鸣队', 4), roster('安吉白茶队', 10), over);
  const fiveOf = (team: { ids: Map<string, string> }) => [...team.ids.values()].slice(0, 5);
  const readyBody = (g: Awaited<ReturnType<typeof newGame>>) => ({
    to: 'ready',
    homeStartingFive: fiveOf(g.home),
    awayStartingFive: fiveOf(g.away),
  });
  const event = (g: Awaited<ReturnType<typeof newGame>>, expectedSeq: number, body: Record<string, unknown>) => ({
    clientEventId: randomUUID(),
    expectedSeq,
    event: body,
  });

  it('creates games with or without teams; a competition key is unique in the tournament', async () => {
    const g = await newGame();
    expect(g.game).toMatchObject({
      status: 'scheduled',
      court: '1号场',
      scheduledAt: '2024-05-19T14:00',
      homeTeam: { name: '吴兴新凤鸣队' },
      live: null,
      homeScore: 0,
    });
    const url = `/api/v1/tournaments/${g.tournament.id}/games`;
    expect((await ctx.http('POST', url, { competitionKey: 'SF1' })).body).toMatchObject({
      homeTeam: null,
      awayTeam: null,
      competitionKey: 'SF1',
    });
    expect((await ctx.http('POST', url, { competitionKey: 'SF1' })).body).toMatchObject({
      statusCode: 409,
      code: 'GAME_COMPETITION_KEY_TAKEN',
    });
    expect((await ctx.http('POST', url, { homeTeamId: g.home.id, awayTeamId: g.home.id })).body.code).toBe(
      'GAME_SAME_TEAMS',
    );
    const stranger = await g.f.newTeam((await g.f.newTournament()).id);
    expect((await ctx.http('POST', url, { homeTeamId: stranger.id })).body).toMatchObject({
      code: 'GAME_TEAM_NOT_IN_TOURNAMENT',
      details: [{ field: 'homeTeamId' }],
    });
    expect((await ctx.http('POST', url, { scheduledAt: '2024-05-19 14:00', role: 'x' })).body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'scheduledAt', reason: expect.stringContaining('local date-time') }),
        { field: 'role', reason: 'is not an accepted field' },
      ]),
    );
    expect((await ctx.anon('POST', url, {})).status).toBe(401);
    const list = (await ctx.anon('GET', `${url}?pageSize=10`)).body;
    expect(list).toMatchObject({ total: 2, items: [{ scheduledAt: '2024-05-19T14:00' }, { competitionKey: 'SF1' }] });
    // A knockout game waits for its teams before it can be made ready.
    const sf1 = list.items[1];
    expect(
      (
        await ctx.http('POST', `/api/v1/games/${sf1.id}/transitions`, {
          to: 'ready',
          homeStartingFive: fiveOf(g.home),
          awayStartingFive: fiveOf(g.away),
        })
      ).body.code,
    ).toBe('GAME_TEAMS_UNKNOWN');
  });

  it('refuses illegal transitions with the reason', async () => {
    const g = await newGame();
    const url = `/api/v1/games/${g.game.id}/transitions`;
    const refusal = async (body: Record<string, unknown>, reason: string | RegExp) => {
      const res = await ctx.http('POST', url, body);
      expect(res).toMatchObject({
        status: 409,
        body: {
          code: 'GAME_ILLEGAL_TRANSITION',
          details: [{ field: 'status', reason: typeof reason === 'string' ? reason : expect.stringMatching(reason) }],
        },
      });
    };
    await refusal({ to: 'final' }, 'final cannot follow scheduled (allowed: ready, postponed, cancelled, forfeit)');
    await refusal({ to: 'official' }, /official cannot follow scheduled/);
    // Ready needs two valid starting fives.
    const badFive = { to: 'ready', homeStartingFive: fiveOf(g.home), awayStartingFive: fiveOf(g.home) };
    await refusal(badFive, /starting five must be 5 distinct eligible roster players/);
    const unstaffed = await newGame();
    await ctx.http(
      'DELETE',
      `/api/v1/tournaments/${unstaffed.tournament.id}/game-codes/${(await ctx.http('GET', `/api/v1/tournaments/${unstaffed.tournament.id}/game-codes`)).body[0].id}`,
    );
    const assignment = (await ctx.http('GET', `/api/v1/tournaments/${unstaffed.tournament.id}/scorekeepers`)).body[0];
    await ctx.http('DELETE', `/api/v1/tournaments/${unstaffed.tournament.id}/scorekeepers/${assignment.id}`);
    // Issue 14: nobody assigned, but the organiser marking it ready keeps score themselves.
    expect(
      (await ctx.http('POST', `/api/v1/games/${unstaffed.game.id}/transitions`, readyBody(unstaffed))).body.status,
    ).toBe('ready');
    const missing = (await ctx.http('POST', url, { to: 'ready', homeStartingFive: fiveOf(g.home) })).body;
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(new Set(missing.details.map((d: any) => d.field))).toEqual(new Set(['awayStartingFive']));
    expect((await ctx.http('POST', url, readyBody(g))).body.status).toBe('ready');
    await refusal({ to: 'lost_by_default', teamId: g.home.id }, /lost_by_default cannot follow ready/);
    // Events before the game is ready or after it ended are refused.
    expect((await ctx.http('POST', url, { to: 'live' })).body.status).toBe('live');
    await refusal({ to: 'final' }, 'the last period (regulation or overtime) has not ended');
    // Lost by default while level: recorded 2:0 for the winner; the organiser confirms.
    const lbd = await ctx.http('POST', url, { to: 'lost_by_default', teamId: g.away.id, reason: '客队场上不足2人' });
    expect(lbd.body).toMatchObject({
      status: 'lost_by_default',
      homeScore: 2,
      awayScore: 0,
      result: { kind: 'default', penalisedTeamId: g.away.id, winnerTeamId: g.home.id },
    });
    expect(
      (await ctx.as(g.deviceToken)('POST', `/api/v1/games/${g.game.id}/events`, event(g, 0, { type: 'period_start' })))
        .body.code,
    ).toBe('GAME_NOT_SCORABLE');
    expect((await ctx.http('POST', url, { to: 'official' })).body.status).toBe('official');
    await refusal({ to: 'cancelled' }, 'official is final');
    const audit = (await ctx.http('GET', `/api/v1/tournaments/${g.tournament.id}/audit?action=game.lost_by_default`))
      .body;
    expect(audit.items[0]).toMatchObject({ after: { status: 'lost_by_default', reason: '客队场上不足2人' } });
  });

  it('forfeit is 20:0 (the tournament setting), postponed games come back, cancelled ones are over', async () => {
    const g = await newGame({ rules: { forfeitScore: 15 } });
    const url = `/api/v1/games/${g.game.id}/transitions`;
    expect((await ctx.http('POST', url, { to: 'forfeit', teamId: g.home.id })).body).toMatchObject({
      status: 'forfeit',
      homeScore: 0,
      awayScore: 15,
      result: { kind: 'forfeit', winnerTeamId: g.away.id },
    });
    const h = await newGame();
    const hurl = `/api/v1/games/${h.game.id}/transitions`;
    expect((await ctx.http('POST', hurl, { to: 'postponed' })).body.status).toBe('postponed');
    expect((await ctx.http('POST', hurl, { to: 'scheduled' })).body.status).toBe('scheduled');
    expect((await ctx.http('POST', hurl, { to: 'cancelled' })).body.status).toBe('cancelled');
    expect((await ctx.http('POST', hurl, { to: 'scheduled' })).body.details[0].reason).toBe('cancelled is final');
    // Only organisers postpone, cancel, forfeit.
    expect((await ctx.as(h.scorekeeper.accessToken)('POST', hurl, { to: 'postponed' })).body.code).toBe(
      'GAME_ORGANISER_ONLY',
    );
  });

  it('confirms results at once when the tournament says so, and plays in score-only mode', async () => {
    const g = await newGame({ rules: { autoConfirmResults: true, periods: 2, periodMinutes: 20 } });
    const sk = ctx.as(g.scorekeeper.accessToken);
    const events = `/api/v1/games/${g.game.id}/events`;
    expect((await sk('POST', `/api/v1/games/${g.game.id}/transitions`, readyBody(g))).body.status).toBe('ready');
    const bodies = [
      { type: 'period_start' },
      { type: 'score_adjust', teamId: g.home.id, points: 2 },
      { type: 'score_adjust', teamId: g.away.id, points: 3, playerId: g.away.ids.get('12') },
      { type: 'field_goal_made', teamId: g.home.id, playerId: g.home.ids.get('4'), points: 2 },
      { type: 'period_end' },
      { type: 'period_start' },
      { type: 'score_adjust', teamId: g.home.id, points: 1 },
      { type: 'period_end' },
    ];
    let seq = 0;
    for (const body of bodies) {
      const res = await sk('POST', events, event(g, seq, body));
      expect(res.status).toBe(201);
      seq = res.body.seq;
    }
    expect((await ctx.anon('GET', `/api/v1/games/${g.game.id}`)).body).toMatchObject({
      status: 'live',
      homeScore: 5,
      awayScore: 3,
      scoreByPeriod: [
        { label: '1', home: 4, away: 3 },
        { label: '2', home: 1, away: 0 },
      ],
    });
    const done = await sk('POST', `/api/v1/games/${g.game.id}/transitions`, { to: 'final' });
    expect(done.body).toMatchObject({ status: 'official', result: { homeScore: 5, awayScore: 3 } });
    const box = (await ctx.anon('GET', `/api/v1/games/${g.game.id}/box-score`)).body;
    expect(box.teams[1].players.find((p: any) => p.jerseyNumber === 12)).toMatchObject({
      pts: 3,
      scoreOnlyPts: 3,
      fga: 0,
    });
    expect(box.teams[0].totals).toMatchObject({ pts: 5, teamPoints: 3, fgm2: 1 });
  });

  it('carries a jersey number as the same number in the box score as in the roster, also for games stored before', async () => {
    const g = await newGame();
    const gurl = `/api/v1/games/${g.game.id}`;
    expect((await ctx.http('POST', `${gurl}/transitions`, readyBody(g))).body.status).toBe('ready');
    const jerseys = async () => {
      const box = (await ctx.anon('GET', `${gurl}/box-score`)).body;
      return box.teams.map((t: any) => t.players.map((p: any) => [p.playerId, p.jerseyNumber]));
    };
    const registered = await Promise.all(
      [g.home.id, g.away.id].map(async (teamId) => {
        const { items } = (await ctx.anon('GET', `/api/v1/teams/${teamId}/players?pageSize=100`)).body;
        return new Map<string, number>(items.map((p: any) => [p.id, p.jerseyNumber]));
      }),
    );
    const expectSameNumbers = (teams: Array<Array<[string, unknown]>>) =>
      teams.forEach((lines, side) => {
        expect(lines).toHaveLength(8);
        for (const [playerId, jersey] of lines) {
          expect(typeof jersey).toBe('number');
          expect(jersey).toBe(registered[side]!.get(playerId));
        }
      });
    const now = await jerseys();
    expectSameNumbers(now);
    // Starters (#4-#8) first, then the bench by number: 9 before 10 (as text "10" would come first).
    expect(now[0].map(([, j]: [string, number]) => j)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);

    // A game stored before the change held the numbers as strings, in its rosters and its state.
    const db = new pg.Client({ connectionString: ctx.databaseUrl });
    await db.connect();
    try {
      await db.query(
        `UPDATE game SET
           state = jsonb_set(state, '{players}', (SELECT jsonb_object_agg(k, jsonb_set(v, '{jerseyNumber}', to_jsonb(v->>'jerseyNumber')))
                                                    FROM jsonb_each(state->'players') e(k, v))),
           context = jsonb_set(context, '{teams}', (SELECT jsonb_agg(jsonb_set(t, '{players}',
                       (SELECT jsonb_agg(jsonb_set(p, '{jerseyNumber}', to_jsonb(p->>'jerseyNumber')) ORDER BY pi)
                          FROM jsonb_array_elements(t->'players') WITH ORDINALITY pp(p, pi))) ORDER BY ti)
                       FROM jsonb_array_elements(context->'teams') WITH ORDINALITY tt(t, ti)))
         WHERE id = $1`,
        [g.game.id],
      );
      expect((await jerseys())[0][0]).toEqual([expect.any(String), '4']);
      await new JerseyNumbersAsNumbers1796211916079().up({ query: (sql: string) => db.query(sql) } as never);
    } finally {
      await db.end();
    }
    expectSameNumbers(await jerseys());
    // Plays after the rewrite are scored on the rewritten rosters and state.
    const sk = ctx.as(g.scorekeeper.accessToken);
    expect((await sk('POST', `${gurl}/events`, event(g, 0, { type: 'period_start' }))).status).toBe(201);
    const made = { type: 'field_goal_made', teamId: g.home.id, playerId: g.home.ids.get('4'), points: 2 };
    expect((await sk('POST', `${gurl}/events`, event(g, 1, made))).status).toBe(201);
    expectSameNumbers(await jerseys());
    const box = (await ctx.anon('GET', `${gurl}/box-score`)).body;
    expect(box.teams[0].players[0]).toMatchObject({ jerseyNumber: 4, pts: 2 });
  });

  it('names the field of a bad event, over HTTP and on the socket alike', async () => {
    const g = await newGame();
    await ctx.http('POST', `/api/v1/games/${g.game.id}/transitions`, readyBody(g));
    const post = (body: unknown) => ctx.as(g.deviceToken)('POST', `/api/v1/games/${g.game.id}/events`, body);
    expect(
      (
        await post(
          event(g, 0, { type: 'field_goal_made', teamId: g.home.id, playerId: g.home.ids.get('4'), points: 4 }),
        )
      ).body.details,
    ).toEqual([{ field: 'event.points', reason: 'must be one of the following values: 2, 3' }]);
    expect((await post(event(g, 0, { type: 'dunk' }))).body.details).toEqual([
      expect.objectContaining({
        field: 'event.type',
        reason: expect.stringContaining('must be one of: field_goal_made'),
      }),
    ]);
    expect((await post(event(g, 0, { type: 'timeout', teamId: g.home.id, score: 99 }))).body.details).toEqual([
      { field: 'event.score', reason: 'is not an accepted field' },
    ]);
    expect((await post({ clientEventId: 'x', expectedSeq: -1 })).body.details.map((d: any) => d.field).sort()).toEqual([
      'clientEventId',
      'event',
      'event',
      'expectedSeq',
    ]);
    expect(
      (await post(event(g, 0, { type: 'replace', targetSeq: 1, replacement: { type: 'void', targetSeq: 1 } }))).body
        .details,
    ).toContainEqual(
      expect.objectContaining({ field: 'event.replacement.type', reason: expect.stringContaining('must be a play') }),
    );
    // Rules that need the game are the reducer's: a player from the other team.
    await post(event(g, 0, { type: 'period_start' }));
    const wrong = await post(
      event(g, 1, { type: 'field_goal_made', teamId: g.home.id, playerId: g.away.ids.get('10'), points: 2 }),
    );
    expect(wrong.body).toMatchObject({
      statusCode: 400,
      code: 'GAME_PLAYER_NOT_ON_ROSTER',
      details: [{ field: 'playerId' }],
    });

    const socket = await connectSocket(ctx.baseUrl, g.deviceToken);
    sockets.push(socket);
    const bad = await socket.emitWithAck('game:event', {
      gameId: g.game.id,
      ...(event(g, 1, { type: 'field_goal_made', teamId: g.home.id, playerId: g.home.ids.get('4'), points: 4 }) as any),
    });
    expect(bad).toEqual({
      ok: false,
      error: expect.objectContaining({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: [{ field: 'event.points', reason: 'must be one of the following values: 2, 3' }],
      }),
    });
    const wrongOnSocket = await socket.emitWithAck('game:event', {
      gameId: g.game.id,
      ...(event(g, 1, {
        type: 'field_goal_made',
        teamId: g.home.id,
        playerId: g.away.ids.get('10'),
        points: 2,
      }) as any),
    });
    expect(wrongOnSocket).toMatchObject({ ok: false, error: { statusCode: 400, code: 'GAME_PLAYER_NOT_ON_ROSTER' } });
    const nothing = await socket.emitWithAck('game:undo', { gameId: 'not-a-uuid' } as any);
    expect(nothing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(new Set((nothing as any).error.details.map((d: any) => d.field))).toEqual(
      new Set(['clientEventId', 'expectedSeq', 'gameId']),
    );
  });

  it('a scorekeeper of game A gets 403 on game B, over HTTP and on the socket', async () => {
    const a = await newGame();
    const b = await newGame();
    for (const g of [a, b]) await ctx.http('POST', `/api/v1/games/${g.game.id}/transitions`, readyBody(g));
    const bUrl = `/api/v1/games/${b.game.id}`;
    for (const token of [a.scorekeeper.accessToken, a.deviceToken]) {
      const as = ctx.as(token);
      expect((await as('POST', `${bUrl}/events`, event(b, 0, { type: 'period_start' }))).body).toMatchObject({
        statusCode: 403,
        code: 'SCORE_FORBIDDEN',
      });
      expect((await as('POST', `${bUrl}/undo`, { clientEventId: randomUUID(), expectedSeq: 0 })).body.code).toBe(
        'SCORE_FORBIDDEN',
      );
      expect((await as('POST', `${bUrl}/transitions`, { to: 'live' })).body.code).toBe('SCORE_FORBIDDEN');
      const socket = await connectSocket(ctx.baseUrl, token);
      sockets.push(socket);
      const ack = await socket.emitWithAck('game:event', {
        gameId: b.game.id,
        ...(event(b, 0, { type: 'period_start' }) as any),
      });
      expect(ack).toMatchObject({ ok: false, error: { statusCode: 403, code: 'SCORE_FORBIDDEN' } });
      expect(await socket.emitWithAck('game:transition', { gameId: b.game.id, to: 'live' })).toMatchObject({
        ok: false,
        error: { code: 'SCORE_FORBIDDEN' },
      });
    }
    // An organiser of another tournament is no scorer here either.
    const other = await ctx.newAccount('organiser');
    expect((await other.http('POST', `${bUrl}/events`, event(b, 0, { type: 'period_start' }))).body.code).toBe(
      'SCORE_FORBIDDEN',
    );
    expect((await ctx.anon('GET', bUrl)).body).toMatchObject({ status: 'ready', live: { lastSeq: 0 } });
    // Their own game works, and the first period start starts it.
    const own = await ctx.as(a.deviceToken)(
      'POST',
      `/api/v1/games/${a.game.id}/events`,
      event(a, 0, { type: 'period_start' }),
    );
    expect(own.body).toMatchObject({
      seq: 1,
      game: { status: 'live', period: { current: 1, label: '1', status: 'in_progress' } },
    });
  });

  it('undo voids the last action in one call; nothing to undo is a 409', async () => {
    const g = await newGame();
    await ctx.http('POST', `/api/v1/games/${g.game.id}/transitions`, readyBody(g));
    const sk = ctx.as(g.scorekeeper.accessToken);
    const url = `/api/v1/games/${g.game.id}`;
    expect((await sk('POST', `${url}/undo`, { clientEventId: randomUUID(), expectedSeq: 0 })).body.code).toBe(
      'GAME_NOTHING_TO_UNDO',
    );
    await sk('POST', `${url}/events`, event(g, 0, { type: 'period_start' }));
    await sk(
      'POST',
      `${url}/events`,
      event(g, 1, { type: 'field_goal_made', teamId: g.home.id, playerId: g.home.ids.get('4'), points: 3 }),
    );
    const undoId = randomUUID();
    const undone = await sk('POST', `${url}/undo`, { clientEventId: undoId, expectedSeq: 2 });
    expect(undone.body).toMatchObject({
      seq: 3,
      event: { type: 'void', targetSeq: 2, undo: true },
      game: { score: { home: 0, away: 0 } },
    });
    expect((await sk('POST', `${url}/undo`, { clientEventId: undoId, expectedSeq: 2 })).body).toEqual({
      ...undone.body,
      duplicate: true,
    });
    // Voiding the period start would break nothing now, so a second undo takes it back too.
    expect((await sk('POST', `${url}/undo`, { clientEventId: randomUUID(), expectedSeq: 3 })).body).toMatchObject({
      seq: 4,
      event: { targetSeq: 1 },
      game: { period: { current: 0 } },
    });
  });

  it('serialises concurrent writers: one wins, the other is told it is stale', async () => {
    const g = await newGame();
    await ctx.http('POST', `/api/v1/games/${g.game.id}/transitions`, readyBody(g));
    const url = `/api/v1/games/${g.game.id}/events`;
    const [x, y] = await Promise.all([
      ctx.as(g.deviceToken)('POST', url, event(g, 0, { type: 'period_start' })),
      ctx.as(g.scorekeeper.accessToken)('POST', url, event(g, 0, { type: 'period_start' })),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    expect([x.body.code, y.body.code]).toContain('GAME_SEQ_STALE');
    // And the same event sent twice at once is recorded once.
    const same = event(g, 1, { type: 'timeout', teamId: g.home.id });
    const both = await Promise.all([
      ctx.as(g.deviceToken)('POST', url, same),
      ctx.as(g.deviceToken)('POST', url, same),
    ]);
    expect(both.map((r) => r.body.seq)).toEqual([2, 2]);
    expect(both.map((r) => r.body.duplicate).sort()).toEqual([false, true]);
    expect((await ctx.anon('GET', `/api/v1/games/${g.game.id}/plays`)).body.lastSeq).toBe(2);
    // The log pages as every list does (page, pageSize, total); the console's afterSeq/limit still work.
    const second = (await ctx.anon('GET', `/api/v1/games/${g.game.id}/plays?page=2&pageSize=1`)).body;
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1, lastSeq: 2 });
    expect(second.items.map((p: any) => p.seq)).toEqual([2]);
    const cursor = (await ctx.anon('GET', `/api/v1/games/${g.game.id}/plays?afterSeq=1&limit=5`)).body;
    expect(cursor).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(cursor.items.map((p: any) => p.seq)).toEqual([2]);
    expect((await ctx.anon('GET', `/api/v1/games/${g.game.id}/plays?pageSize=501`)).status).toBe(400);
  });

  describe('the socket', () => {
    it('refuses a handshake with a bad token, and lets a fan in without one', async () => {
      const refused = io(ctx.baseUrl, {
        transports: ['websocket'],
        auth: { token: 'not.a.token' },
        reconnection: false,
        forceNew: true,
      });
      const error = await new Promise<any>((resolve) => refused.once('connect_error', resolve));
      expect(error).toMatchObject({ message: expect.any(String), data: { code: 'TOKEN_INVALID', statusCode: 401 } });
      refused.close();
      const fan = await connectSocket(ctx.baseUrl, null);
      sockets.push(fan);
      expect(await fan.emitWithAck('game:subscribe', { gameId: randomUUID() })).toMatchObject({
        ok: false,
        error: { statusCode: 404, code: 'GAME_NOT_FOUND' },
      });
      expect(await fan.emitWithAck('game:transition', { gameId: randomUUID(), to: 'live' })).toMatchObject({
        ok: false,
        error: { code: 'AUTH_REQUIRED' },
      });
    });

    it('closes a connection that sends a message over the size limit', async () => {
      const g = await newGame();
      const socket = await connectSocket(ctx.baseUrl, g.deviceToken);
      sockets.push(socket);
      const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      socket.emit(
        'game:event',
        {
          gameId: g.game.id,
          clientEventId: randomUUID(),
          expectedSeq: 0,
          event: { type: 'period_start', padding: 'x'.repeat(MAX_SOCKET_MESSAGE_BYTES) },
        } as any,
        () => undefined,
      );
      expect(await closed).toBe('transport close');
      expect((await ctx.anon('GET', `/api/v1/games/${g.game.id}`)).body.version).toBe(g.game.version);
    });

    it('disconnects the sockets of a session that is revoked', async () => {
      const g = await newGame();
      const socket = await connectSocket(ctx.baseUrl, g.scorekeeper.accessToken);
      sockets.push(socket);
      let reason = '';
      socket.once('disconnect', (r) => (reason = r));
      const assignments = (await ctx.http('GET', `/api/v1/tournaments/${g.tournament.id}/scorekeepers`)).body;
      expect(
        (await ctx.http('DELETE', `/api/v1/tournaments/${g.tournament.id}/scorekeepers/${assignments[0].id}`)).status,
      ).toBe(204);
      await waitFor(() => reason !== '', 'the socket to be closed');
      expect(reason).toBe('io server disconnect');
    });
  });
});
