/**
 * The rules one placed game must keep against the rest of a schedule, phrased for an
 * organiser: shared by the manual move check and the audit of a stored schedule.
 */
import { dayOf, describeTime, toMinutes } from './local-time.js';
import type { PreparedInput } from './prepared-input.js';
import type { Schedule } from './types.js';

export type SlotRule =
  | 'unknown_court'
  | 'fixed'
  | 'outside_window'
  | 'court_booked'
  | 'team_clash'
  | 'rest'
  | 'dependency'
  | 'dependent'
  | 'not_scheduled';

export interface SlotViolation {
  gameId: string;
  rule: SlotRule;
  message: string;
  /** The other game involved, when there is one. */
  otherGameId?: string;
}

interface Placed {
  gameId: string;
  court: string;
  start: number;
  end: number;
  teams: string[];
}

/** A schedule indexed by game, court and team, read against the input's rules. */
export class ScheduleIndex {
  readonly byGame = new Map<string, Placed>();
  private readonly byCourt = new Map<string, Placed[]>();
  private readonly byTeam = new Map<string, Placed[]>();

  constructor(
    private readonly plan: PreparedInput,
    schedule: Schedule,
  ) {
    for (const a of schedule.assignments) {
      const known = plan.gameIndex.get(a.gameId);
      const teams = known === undefined ? a.guardedTeamIds : plan.games[known].guardedTeams.map((t) => plan.teamIds[t]);
      const placed = { gameId: a.gameId, court: a.courtId, start: toMinutes(a.start), end: toMinutes(a.end), teams };
      this.byGame.set(a.gameId, placed);
      push(this.byCourt, a.courtId, placed);
      for (const team of teams) push(this.byTeam, team, placed);
    }
  }

  /**
   * Everything wrong with game `gameIndex` at `start` on `courtId`, ignoring its current slot.
   * `onlyOwnSide` skips what the other game would also report (used by the audit).
   */
  violations(gameIndex: number, courtId: string, start: number, onlyOwnSide = false): SlotViolation[] {
    const { plan } = this;
    const g = plan.games[gameIndex];
    const end = start + g.duration;
    const day = dayOf(start);
    const at = (t: number) => describeTime(t, day);
    const out: SlotViolation[] = [];
    const add = (rule: SlotRule, message: string, otherGameId?: string) =>
      out.push({ gameId: g.id, rule, message, ...(otherGameId === undefined ? {} : { otherGameId }) });
    const isOther = (p: Placed) => p.gameId !== g.id;
    const sameRound = (key: number, other: string) =>
      key !== -1 && plan.games[plan.gameIndex.get(other) ?? -1]?.exclusive === key;
    const before = (p: Placed) => !onlyOwnSide || p.start < start || (p.start === start && p.gameId < g.id);

    const court = plan.courtIndex.get(courtId);
    const courtName = court === undefined ? courtId : plan.courts[court].name;
    if (court === undefined) add('unknown_court', `court '${courtId}' does not exist`);
    if (g.fixedCourt !== null && (g.fixedCourt !== court || g.fixedStart !== start)) {
      add('fixed', `${g.id} is fixed at ${at(g.fixedStart!)} on ${plan.courts[g.fixedCourt].name}`);
    }
    if (court !== undefined && !plan.windows[court].some(([ws, we]) => ws <= start && end <= we)) {
      const open = plan.windows[court].filter(([ws]) => dayOf(ws) === day).map(([ws, we]) => `${at(ws)}–${at(we)}`);
      add(
        'outside_window',
        `${at(start)}–${at(end)} is outside the court's window: ${courtName} is ${open.length ? `open ${open.join(', ')}` : 'not open'} that day`,
      );
    }
    for (const p of this.byCourt.get(courtId) ?? []) {
      if (isOther(p) && before(p) && p.start < end && start < p.end) {
        add('court_booked', `${courtName} is booked by game ${p.gameId} from ${at(p.start)} to ${at(p.end)}`, p.gameId);
      }
    }

    // A game already reported as too close through a dependency is not reported again for its teams.
    const reported = new Set<string>();
    for (const d of g.deps) {
      const dep = plan.games[d];
      const p = this.byGame.get(dep.id);
      if (!p) add('dependency', `depends on ${dep.id}, which is not scheduled`, dep.id);
      else if (p.end + g.gap > start) {
        const gap = g.gap > 0 ? ` and needs ${g.gap} minutes after it` : '';
        add('dependency', `depends on ${dep.id} which ends at ${at(p.end)}${gap}`, dep.id);
        reported.add(dep.id);
      }
    }
    for (const s of g.dependents) {
      const next = plan.games[s];
      const p = this.byGame.get(next.id);
      if (!onlyOwnSide && p && end + next.gap > p.start) {
        add('dependent', `game ${next.id} depends on it and starts at ${at(p.start)}`, next.id);
        reported.add(next.id);
      }
    }

    const clashes = new Map<string, { p: Placed; teams: string[] }>();
    for (const t of g.guardedTeams) {
      const team = plan.teamIds[t];
      for (const p of this.byTeam.get(team) ?? []) {
        if (!isOther(p) || !before(p) || reported.has(p.gameId) || sameRound(g.exclusive, p.gameId)) continue;
        if (p.end + plan.minRest <= start || end + plan.minRest <= p.start) continue;
        const clash = clashes.get(p.gameId) ?? { p, teams: [] };
        clash.teams.push(team);
        clashes.set(p.gameId, clash);
      }
    }
    for (const { p, teams } of clashes.values()) {
      const who = `team${teams.length === 1 ? '' : 's'} ${teams.join(', ')}`;
      const pCourt = plan.courtIndex.get(p.court);
      const pCourtName = pCourt === undefined ? p.court : plan.courts[pCourt].name;
      if (p.start < end && start < p.end) {
        add(
          'team_clash',
          `${who} ${teams.length === 1 ? 'plays' : 'play'} game ${p.gameId} at ${at(p.start)} on ${pCourtName}`,
          p.gameId,
        );
      } else {
        const [gapMinutes, side] =
          p.end <= start ? [start - p.end, `after game ${p.gameId}`] : [p.start - end, `before game ${p.gameId}`];
        add('rest', `${who}: rest of ${plan.minRest} minutes required ${side}, only ${gapMinutes}`, p.gameId);
      }
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
