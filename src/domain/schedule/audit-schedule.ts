/**
 * Re-checks a stored schedule against its input (after an organiser edits windows, rest or
 * fixed slots, or to verify a hand-made schedule): every broken rule, each reported once.
 */
import { prepareInput } from './prepared-input.js';
import { ScheduleIndex, type SlotViolation } from './slot-rules.js';
import type { Schedule, ScheduleInput } from './types.js';

export function auditSchedule(schedule: Schedule, input: ScheduleInput): SlotViolation[] {
  const plan = prepareInput(input);
  const index = new ScheduleIndex(plan, schedule);
  const out: SlotViolation[] = [];
  for (const g of plan.games) {
    const placed = index.byGame.get(g.id);
    if (!placed) {
      out.push({ gameId: g.id, rule: 'not_scheduled', message: `${g.id} has no court or time` });
      continue;
    }
    out.push(...index.violations(g.index, placed.court, placed.start, true));
  }
  return out;
}
