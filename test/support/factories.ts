import type { TestContext } from './test-app.js';

let counter = 0;
const next = () => ++counter;

/** Helpers that create things through the public API and fail loudly if the API refuses. */
export function factories(ctx: TestContext) {
  const ok = async (method: string, url: string, body?: unknown) => {
    const res = await ctx.http(method, url, body);
    if (res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    ok,
    newUnit: (over: Record<string, unknown> = {}) =>
      ok('POST', '/api/v1/units', { name: `单位${next()}`, kind: 'enterprise', ...over }),
    newTournament: (over: Record<string, unknown> = {}) =>
      ok('POST', '/api/v1/tournaments', {
        name: `工BA ${next()}`,
        season: '2024',
        startsOn: '2024-05-11',
        endsOn: '2024-05-19',
        ...over,
      }),
    newTeam: async (tournamentId: string, over: Record<string, unknown> = {}) => {
      const unitId =
        (over.unitId as string | undefined) ??
        (await ok('POST', '/api/v1/units', { name: `企业${next()}`, kind: 'enterprise' })).id;
      return ok('POST', `/api/v1/tournaments/${tournamentId}/teams`, { name: `球队${next()}`, ...over, unitId });
    },
    newPlayer: (teamId: string, over: Record<string, unknown> = {}) =>
      ok('POST', `/api/v1/teams/${teamId}/players`, { name: `球员${next()}`, jerseyNumber: next() % 100, ...over }),
    newGame: (tournamentId: string, over: Record<string, unknown> = {}) =>
      ok('POST', `/api/v1/tournaments/${tournamentId}/games`, { ...over }),
  };
}

/** Valid PRC resident ID numbers (correct check character) for tests. */
export function nationalId(serial: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `33050119900101${String(serial % 1000).padStart(3, '0')}`;
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}
