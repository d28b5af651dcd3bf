/**
 * Competition-structure generation: a 1,024-team single-elimination bracket and a 256-group round
 * robin, ours against brackets-manager (in-memory storage). Run:
 *   cd /work/main && npx tsx bench/competition/competition.bench.ts
 * Each figure is the median of RUNS timed runs after WARMUP untimed ones. Budget: < 1 s each.
 */
import { BracketsManager } from 'brackets-manager';
import { buildCompetition } from '../../src/domain/competition/index.js';
import type { CompetitionConfig, Slot } from '../../src/domain/competition/index.js';
import { resolveSlots } from '../../src/domain/competition/resolve-slots.js';
import { playOut } from '../../src/domain/competition/test-support.js';
import { InMemoryStorage } from './in-memory-storage.js';

const WARMUP = 2;
const RUNS = 7;
const BUDGET_MS = 1000;

const teamSlots = (n: number): Slot[] => Array.from({ length: n }, (_, i) => ({ kind: 'team', teamId: `T${i + 1}` }));
const names = (n: number) => Array.from({ length: n }, (_, i) => `T${i + 1}`);

const knockoutConfig = (n: number, full: boolean): CompetitionConfig => ({
  stages: [{ kind: 'knockout', id: 'KO', entrants: teamSlots(n), thirdPlaceGame: true, fullClassification: full }],
});
const groupsConfig = (groups: number, size: number): CompetitionConfig => ({
  stages: [
    {
      kind: 'group',
      id: 'S1',
      roundRobin: 'single',
      groups: Array.from({ length: groups }, (_, g) => ({
        id: `G${g + 1}`,
        size,
        entrants: Array.from({ length: size }, (_, i) => ({ kind: 'team' as const, teamId: `T${g * size + i + 1}` })),
      })),
    },
  ],
});

async function median(run: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function bracketsManager(
  type: 'single_elimination' | 'round_robin',
  teams: number,
  settings: Record<string, unknown>,
) {
  const storage = new InMemoryStorage();
  const manager = new BracketsManager(storage);
  await manager.create.stage({ tournamentId: 0, name: 'bench', type, seeding: names(teams), settings });
  return ((await storage.select('match')) ?? []).length;
}

interface Row {
  scenario: string;
  games: number;
  ours: number;
  theirs: number | null;
  theirGames: number | null;
}

async function main() {
  const rows: Row[] = [];
  const ours = (config: CompetitionConfig) => buildCompetition(config).games.length;

  const se3p = knockoutConfig(1024, false);
  const seFull = knockoutConfig(1024, true);
  const rr4 = groupsConfig(256, 4);
  const rr8 = groupsConfig(256, 8);

  const bmSe = () => bracketsManager('single_elimination', 1024, { consolationFinal: true, seedOrdering: ['natural'] });
  const bmRr4 = () =>
    bracketsManager('round_robin', 1024, { groupCount: 256, seedOrdering: ['groups.seed_optimized'] });
  const bmRr8 = () =>
    bracketsManager('round_robin', 2048, { groupCount: 256, seedOrdering: ['groups.seed_optimized'] });

  rows.push({
    scenario: 'Single elimination, 1,024 teams, 3rd-place game',
    games: ours(se3p),
    ours: await median(() => ours(se3p)),
    theirs: await median(bmSe),
    theirGames: await bmSe(),
  });
  rows.push({
    scenario: 'Single elimination, 1,024 teams, full classification (places 1-1,024)',
    games: ours(seFull),
    ours: await median(() => ours(seFull)),
    theirs: null,
    theirGames: null,
  });
  const fullBracket = buildCompetition(seFull);
  const fullResults = playOut(fullBracket);
  rows.push({
    scenario: 'resolveSlots on that bracket with all 5,120 results in',
    games: fullBracket.games.length,
    ours: await median(() => resolveSlots(fullBracket, fullResults)),
    theirs: null,
    theirGames: null,
  });
  rows.push({
    scenario: 'Round robin, 256 groups of 4 (1,024 teams)',
    games: ours(rr4),
    ours: await median(() => ours(rr4)),
    theirs: await median(bmRr4),
    theirGames: await bmRr4(),
  });
  rows.push({
    scenario: 'Round robin, 256 groups of 8 (2,048 teams)',
    games: ours(rr8),
    ours: await median(() => ours(rr8)),
    theirs: await median(bmRr8),
    theirGames: await bmRr8(),
  });

  const ms = (x: number) => x.toFixed(1);
  console.log(
    `Node ${process.version}, median of ${RUNS} runs after ${WARMUP} warm-up runs; budget ${BUDGET_MS} ms each.\n`,
  );
  console.log(
    '| Scenario | Games (ours) | Ours (ms) | brackets-manager matches | brackets-manager (ms) | brackets-manager / ours |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const theirs = r.theirs === null ? 'n/a' : ms(r.theirs);
    const ratio = r.theirs === null ? '—' : `${(r.theirs / r.ours).toFixed(1)}×`;
    console.log(`| ${r.scenario} | ${r.games} | ${ms(r.ours)} | ${r.theirGames ?? '—'} | ${theirs} | ${ratio} |`);
  }
  const over = rows.filter((r) => r.ours >= BUDGET_MS);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map((r) => r.scenario).join('; ')}`);
    process.exitCode = 1;
  }
}

await main();
