/**
 * Times scheduleGames on a 1,000-game league over 20 courts (median of 31 runs after 5 warm-ups;
 * "first run" is the cold call of a fresh process, JIT not yet warm).
 * Run: cd /work/main && npx tsx bench/schedule/schedule-1000-games.ts
 */
import { auditSchedule, scheduleGames, type ScheduleInput } from '../../src/domain/schedule/index.js';
import { leagueOf1000Games } from './league-fixture.js';

const WARM_UP = 5;
const RUNS = 31;

function timeIt(input: ScheduleInput) {
  const c0 = performance.now();
  scheduleGames(structuredClone(input));
  const first = performance.now() - c0;
  for (let i = 0; i < WARM_UP; i++) scheduleGames(input);
  const times: number[] = [];
  let schedule = scheduleGames(input);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    schedule = scheduleGames(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const violations = auditSchedule(schedule, input).length;
  const last = schedule.assignments.at(-1)!.end;
  return {
    first,
    median: times[Math.floor(RUNS / 2)],
    min: times[0],
    max: times[RUNS - 1],
    games: schedule.assignments.length,
    last,
    violations,
  };
}

const scenarios: Array<[string, ScheduleInput]> = [
  ['rounds chained by dependsOn', leagueOf1000Games({ chainRounds: true })],
  ['rounds ordered by number only', leagueOf1000Games({ chainRounds: false })],
  ['rounds chained, 4 finals fixed on court 1', leagueOf1000Games({ chainRounds: true, fixedFinals: true })],
];

console.log(`scheduleGames — ${RUNS} runs after ${WARM_UP} warm-up runs, Node ${process.version}\n`);
console.log(
  '| scenario | games | courts | first run ms | median ms | min ms | max ms | last game ends | audit violations |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |');
for (const [name, input] of scenarios) {
  const r = timeIt(input);
  console.log(
    `| ${name} | ${r.games} | ${input.courts.length} | ${r.first.toFixed(1)} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} | ${r.last} | ${r.violations} |`,
  );
}
