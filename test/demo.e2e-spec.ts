// The demo (src/cli/demo.ts) as a person runs it: the 2024 replay played to the end on a fast
// clock, with access tokens that expire every two seconds, and the process exiting by itself.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stopAtEnd } from './support/cleanup.js';
import { createTestDatabase } from './support/database.js';
import { buildOnce, freePort } from './support/server-process.js';

const root = path.resolve(import.meta.dirname, '..');

describe('npm run demo -- --replay-2024', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    // The compiled demo, as `npm run demo` runs it (Nest needs the decorator metadata tsc emits).
    buildOnce();
    db = await createTestDatabase();
  }, 900_000);
  afterAll(() => db?.drop());

  it('replays the real 2024 places and awards, refreshing its tokens, and exits when all games are played', async () => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'dist/src/cli/demo.js'),
        '--replay-2024',
        '--instant',
        '12',
        '--speed',
        '2000',
        '--period-minutes',
        '1',
      ],
      {
        cwd: root,
        env: {
          ...inherited,
          NODE_OPTIONS: '',
          DATABASE_URL: db.url,
          PORT: String(freePort()),
          DATA_DIR: mkdtempSync(path.join(tmpdir(), 'courtside-demo-')),
          // Every token expires many times over during the run: each play after that needs a refresh.
          ACCESS_TOKEN_TTL_SECONDS: '2',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    stopAtEnd(`demo ${child.pid}`, async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    });

    const code = await exited;
    // Node's own warnings (a dependency's deprecation) are not the demo's; anything else is.
    const errors = err
      .split('\n')
      .filter((l) => l.trim() && !/Deprecation|DeprecationWarning|--trace-warnings/.test(l));
    expect({ code, errors, out: code === 0 ? '' : out }).toEqual({ code: 0, errors: [], out: '' });
    expect(out).toContain('All games played');
    expect(out).toContain('Demo finished');
    const finals = out.split('\n').filter((l) => l.startsWith('Final ('));
    expect(finals).toHaveLength(16);
    // The final: 南浔彩蝶队 beat 德清依蓄队; the 3rd-place game: 长兴天顺物流队 beat 德清乾元篮球队 in overtime.
    const line = (key: string) => finals.find((l) => l.startsWith(`Final (${key})`)) ?? '';
    const winner = (l: string) => {
      const m = /: (\S+) (\d+):(\d+) (\S+)/.exec(l)!;
      return Number(m[2]) > Number(m[3]) ? [m[1], m[4]] : [m[4], m[1]];
    };
    const final = finals.find((l) => /南浔彩蝶队/.test(l) && /德清依蓄队/.test(l) && !l.includes('(S1'));
    expect(final && winner(final)).toEqual(['南浔彩蝶队', '德清依蓄队']);
    const third = line('3P');
    expect(winner(third)).toEqual(['长兴天顺物流队', '德清乾元篮球队']);
    expect(third).toContain('(加时)');
    expect(out).toContain('精神风尚团队奖 吴兴新凤鸣队');
    expect(out).toContain('优秀组织奖 南太湖新区总工会');
    expect(out).not.toMatch(/GAME_NO_TIMEOUTS_LEFT|-> 401/);
  }, 900_000);
});
