import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The test suite itself: runs Jest in a child process, under the end-to-end project's own
 * settings (environment, timeouts), on the files in test/fixtures/suite-resilience/ — one
 * healthy, one with a 6 s beforeAll, one whose beforeAll times out while its start goes on
 * (lazy import, then a server), one whose code calls process.exit, one that leaks a timer. In
 * band, as Jest runs on a two-core machine, where one process.exit used to end the whole run.
 */
const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'test/fixtures/suite-resilience');

interface FileResult {
  name: string;
  status: string;
  message: string;
  assertionResults: Array<{ title: string; status: string }>;
}

describe('the test suite on a slow or failing file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'courtside-suite-'));
  const outputFile = path.join(dir, 'results.json');
  const marks = path.join(dir, 'marks.txt');
  let run: { code: number | null; stderr: string; seconds: number };
  let files: Map<string, FileResult>;

  beforeAll(async () => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--experimental-vm-modules',
        path.join(root, 'node_modules/jest/bin/jest.js'),
        '--config',
        path.join(fixtures, 'jest.config.mjs'),
        '--runInBand',
        '--ci',
        '--json',
        '--outputFile',
        outputFile,
      ],
      {
        cwd: root,
        env: { ...process.env, COURTSIDE_FIXTURE_MARKS: marks, COURTSIDE_TEST_EXIT_GRACE_MS: '3000', NODE_OPTIONS: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // If the run hung, this hook's timeout would say so (and the child is killed below).
    const killer = setTimeout(() => child.kill('SIGKILL'), 230_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(killer);
    run = { code, stderr, seconds: (Date.now() - started) / 1000 };
    if (existsSync(outputFile)) {
      const results = JSON.parse(readFileSync(outputFile, 'utf8')) as { testResults: FileResult[] };
      files = new Map(results.testResults.map((r) => [path.basename(r.name), r]));
    }
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits by itself and writes its results', () => {
    expect(run.code).toBe(1); // some fixtures fail on purpose
    expect(existsSync(outputFile)).toBe(true);
    expect([...files.keys()].sort()).toEqual([
      'exits.fixture.ts',
      'healthy.fixture.ts',
      'hook-timeout.fixture.ts',
      'leaks.fixture.ts',
      'slow-hook.fixture.ts',
    ]);
  });

  it('keeps the healthy files passing', () => {
    for (const name of ['healthy.fixture.ts', 'leaks.fixture.ts']) {
      expect(files.get(name)!.status).toBe('passed');
      expect(files.get(name)!.assertionResults.map((a) => a.status)).toEqual(['passed']);
    }
  });

  it("applies the project's timeout to hooks (a 6 s beforeAll passes; Jest's default is 5 s)", () => {
    expect(files.get('slow-hook.fixture.ts')!.status).toBe('passed');
  });

  it('fails a file whose beforeAll timed out, and only that file', () => {
    const r = files.get('hook-timeout.fixture.ts')!;
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/Exceeded timeout of 1000 ms for a hook/);
  });

  it('lets the start that outlived its hook finish inside the live environment, then stops what it opened', () => {
    const lines = readFileSync(marks, 'utf8').trim().split('\n');
    expect(lines).toEqual(['imported late module', 'server closed']);
  });

  it('turns process.exit in a test file into a failure of that file', () => {
    const r = files.get('exits.fixture.ts')!;
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/process\.exit\(1\) was called by code running in .*exits\.fixture\.ts; refused/);
  });

  it('ends a run that something still keeps alive, naming what', () => {
    expect(run.stderr).toMatch(/results are written, but Node is still kept alive by: .*Exiting anyway/s);
  });
});
