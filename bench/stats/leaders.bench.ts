/**
 * Leaders over a large season: 1,000 teams × 12 players × 42 games ≈ 504,000 player lines,
 * seeded. Times aggregation, all leaderboards (totals and per game), and the MVP candidate list.
 * Run: cd /work/main && npx tsx bench/stats/leaders.bench.ts
 */
import { mvpCandidates } from '../../src/domain/awards/index.js';
import { aggregatePlayerTotals, allLeaderboards, type StagedPlayerGameLine } from '../../src/domain/stats/index.js';

const TEAMS = 1000;
const PLAYERS_PER_TEAM = 12;
const GAMES_PER_TEAM = 42;
const WARMUP = 3;
const RUNS = 9;

// mulberry32: tiny seeded PRNG so every run benchmarks the same season.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateSeason(seed: number): StagedPlayerGameLine[] {
  const rnd = mulberry32(seed);
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const lines: StagedPlayerGameLine[] = [];
  // Each team plays GAMES_PER_TEAM games; pair team t with t+1+round (mod TEAMS) each round.
  for (let round = 0; round < GAMES_PER_TEAM / 2; round++) {
    for (let t = 0; t < TEAMS; t++) {
      const gameId = `g${round}-${t}`;
      const stageId = round < 14 ? 'group' : round < 19 ? 'knockout' : 'finals';
      for (const team of [t, (t + 1 + round) % TEAMS]) {
        for (let p = 0; p < PLAYERS_PER_TEAM; p++) {
          const played = rnd() < 0.9;
          const fga2 = played ? int(12) : 0;
          const fgm2 = int(fga2);
          const fga3 = played ? int(6) : 0;
          const fgm3 = int(fga3);
          const fta = played ? int(6) : 0;
          const ftm = int(fta);
          lines.push({
            gameId,
            stageId,
            playerId: `p${team}-${p}`,
            teamId: `t${team}`,
            played,
            pts: 2 * fgm2 + 3 * fgm3 + ftm,
            fgm2,
            fga2,
            fgm3,
            fga3,
            ftm,
            fta,
            oreb: played ? int(3) : 0,
            dreb: played ? int(6) : 0,
            ast: played ? int(5) : 0,
            stl: played ? int(3) : 0,
            blk: played ? int(2) : 0,
            tov: played ? int(4) : 0,
            pf: played ? int(5) : 0,
            secondsPlayed: played ? 60 * int(40) : null,
          });
        }
      }
    }
  }
  return lines;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(run: () => unknown): { median: number; min: number; max: number } {
  for (let i = 0; i < WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

const lines = generateSeason(20240601);
const places = Array.from({ length: TEAMS }, (_, i) => ({ teamId: `t${i}`, place: i + 1 }));
const totals = aggregatePlayerTotals(lines);
// Chinese names for the display tiebreak (collator), with many repeats as in real rosters.
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '强', '磊', '洋', '勇', '军', '杰', '涛', '明', '超', '长兴', '建国', '志强', '海波'];
const playerNames: Record<string, string> = {};
totals.forEach((t, i) => {
  playerNames[t.playerId] = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length];
});

const cases: Array<[string, () => unknown]> = [
  ['aggregate totals (all stages)', () => aggregatePlayerTotals(lines)],
  ['aggregate totals (2 of 3 stages)', () => aggregatePlayerTotals(lines, { stageIds: ['knockout', 'finals'] })],
  ['12 leaderboards, totals (top 10)', () => allLeaderboards(totals)],
  ['12 leaderboards, per game, min 10 games', () => allLeaderboards(totals, { basis: 'per_game', minGames: 10 })],
  ['12 leaderboards, full ranking (no limit)', () => allLeaderboards(totals, { limit: null })],
  ['12 leaderboards, top 10, Chinese names', () => allLeaderboards(totals, { playerNames })],
  ['12 leaderboards, full ranking, Chinese names', () => allLeaderboards(totals, { limit: null, playerNames })],
  ['MVP candidates (EFF per game × team place)', () => mvpCandidates(totals, places)],
  [
    'end to end: aggregate + totals boards + per-game boards',
    () => {
      const t = aggregatePlayerTotals(lines);
      allLeaderboards(t);
      allLeaderboards(t, { basis: 'per_game', minGames: 10, minAttempts: { free_throw_pct: 20 } });
    },
  ],
];

console.log(
  `\n${lines.length.toLocaleString('en')} player lines, ${totals.length.toLocaleString('en')} players; ` +
    `median of ${RUNS} runs after ${WARMUP} warm-up runs; Node ${process.version}\n`,
);
console.log('| case | median ms | min ms | max ms |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, run] of cases) {
  const r = time(run);
  console.log(`| ${name} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} |`);
}
