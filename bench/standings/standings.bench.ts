/**
 * Standings for a 1,000-team league in 250 groups of 4 (double round robin: 12 games a group,
 * 3,000 games): full recompute of every group. Budget: at most 100 ms.
 * Scores are seeded and chosen to produce many ties (scores from a narrow range), so the
 * tie-break path with its restarts is exercised, not just the sort.
 * Run: npx tsx bench/standings/standings.bench.ts
 */
import { computeGroupStandings, type GroupGame } from '../../src/domain/standings/index.js';

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildLeague(groups: number, perGroup: number, seed: number) {
  const rand = mulberry32(seed);
  const league: Array<{ teamIds: string[]; games: GroupGame[] }> = [];
  for (let g = 0; g < groups; g++) {
    const teamIds = Array.from({ length: perGroup }, (_, i) => `G${g}-T${i}`);
    const games: GroupGame[] = [];
    for (let leg = 0; leg < 2; leg++) {
      for (let i = 0; i < perGroup; i++) {
        for (let j = i + 1; j < perGroup; j++) {
          let home = 60 + Math.floor(rand() * 6);
          const away = 60 + Math.floor(rand() * 6);
          if (home === away) home += 1;
          const [h, a] = leg === 0 ? [teamIds[i], teamIds[j]] : [teamIds[j], teamIds[i]];
          games.push({
            id: `${g}-${leg}-${i}-${j}`,
            homeTeamId: h,
            awayTeamId: a,
            homeScore: home,
            awayScore: away,
            state: 'final',
            outcome: 'played',
          });
        }
      }
    }
    league.push({ teamIds, games });
  }
  return league;
}

const league = buildLeague(250, 4, 2024);
const run = () => league.map((group) => computeGroupStandings(group, { complete: true }));
for (let i = 0; i < 5; i++) run();
const times: number[] = [];
let tiedGroups = 0;
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  const result = run();
  times.push(performance.now() - t0);
  tiedGroups = result.filter((s) => s.rows.some((r) => r.decidedBy !== 'classification_points')).length;
}
times.sort((a, b) => a - b);
const teams = league.reduce((n, g) => n + g.teamIds.length, 0);
const games = league.reduce((n, g) => n + g.games.length, 0);
console.log(`Standings full recompute — 21 runs after 5 warm-ups, Node ${process.version}\n`);
console.log('| teams | groups | games | groups needing tie-breaks | median ms | min ms | max ms |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| ${teams} | ${league.length} | ${games} | ${tiedGroups} | ${times[10].toFixed(1)} | ${times[0].toFixed(1)} | ${times[20].toFixed(1)} |`,
);
