import { invalid, notFound } from '../shared/domain-error.js';

/** Awards the organisers decide; play only informs them (MVP panel, sportsmanship, organising). */
export type DecidedAwardKey = 'mvp' | 'all_tournament_team' | 'sportsmanship' | 'best_organising_unit';

/** Who receives an award: a player, a team, or a unit (a union or enterprise that enters teams). */
export type RecipientType = 'team' | 'player' | 'unit';

export interface AwardRecipient {
  type: RecipientType;
  id: string;
}

export interface AwardDecision {
  key: DecidedAwardKey;
  recipients: AwardRecipient[];
  /** Citation read out or printed with the award. */
  citation?: string;
  /** Local name of the award when it differs, e.g. 精神风尚团队奖 or 体育道德风尚奖. */
  labelZh?: string;
  labelEn?: string;
}

/** Known ids by kind; when given, recipients are checked against it. */
export interface RecipientRegistry {
  teamIds?: readonly string[];
  playerIds?: readonly string[];
  unitIds?: readonly string[];
}

interface DecidedAwardRule {
  recipientType: RecipientType;
  min: number;
  max: number;
}

/** MVP is one player; the all-tournament team is five; sportsmanship and organising may go to several. */
export const DECIDED_AWARD_RULES: Readonly<Record<DecidedAwardKey, DecidedAwardRule>> = {
  mvp: { recipientType: 'player', min: 1, max: 1 },
  all_tournament_team: { recipientType: 'player', min: 5, max: 5 },
  sportsmanship: { recipientType: 'team', min: 1, max: Infinity },
  best_organising_unit: { recipientType: 'unit', min: 1, max: Infinity },
};

const KIND_NAMES: Record<RecipientType, string> = { team: 'a team', player: 'a player', unit: 'a unit' };

function registeredKinds(registry: RecipientRegistry, id: string): RecipientType[] {
  const kinds: RecipientType[] = [];
  if (registry.teamIds?.includes(id)) kinds.push('team');
  if (registry.playerIds?.includes(id)) kinds.push('player');
  if (registry.unitIds?.includes(id)) kinds.push('unit');
  return kinds;
}

function registryFor(registry: RecipientRegistry, type: RecipientType): readonly string[] | undefined {
  return type === 'team' ? registry.teamIds : type === 'player' ? registry.playerIds : registry.unitIds;
}

/**
 * Checks the organisers' decisions: each award decided once, recipients of the kind the award
 * goes to (优秀组织奖 to a unit, not a team), no one listed twice, the all-tournament team exactly
 * five players. Throws DomainError (AWARDS_*) on the first violation.
 */
export function validateAwardDecisions(decisions: readonly AwardDecision[], registry?: RecipientRegistry): void {
  const decided = new Set<string>();
  decisions.forEach((decision, i) => {
    const rule = Object.hasOwn(DECIDED_AWARD_RULES, decision.key) ? DECIDED_AWARD_RULES[decision.key] : undefined;
    if (rule === undefined) {
      throw invalid('AWARDS_UNKNOWN_AWARD', `organisers cannot decide an award called ${String(decision.key)}`, [
        { field: `decisions[${i}].key`, reason: 'not a decided award' },
      ]);
    }
    if (decided.has(decision.key)) {
      throw invalid('AWARDS_DUPLICATE_DECISION', `${decision.key} is decided more than once`, [
        { field: `decisions[${i}].key`, reason: 'already decided' },
      ]);
    }
    decided.add(decision.key);
    if (decision.citation !== undefined && typeof decision.citation !== 'string') {
      throw invalid('AWARDS_INVALID_CITATION', 'citation must be text', [
        { field: `decisions[${i}].citation`, reason: 'not a string' },
      ]);
    }

    const seen = new Set<string>();
    decision.recipients.forEach((r, j) => {
      const field = `decisions[${i}].recipients[${j}]`;
      if (r.type !== rule.recipientType) {
        throw invalid(
          'AWARDS_RECIPIENT_KIND_MISMATCH',
          `${decision.key} goes to ${KIND_NAMES[rule.recipientType]}, not ${KIND_NAMES[r.type] ?? String(r.type)}`,
          [{ field: `${field}.type`, reason: `must be ${rule.recipientType}` }],
        );
      }
      if (registry !== undefined) {
        const known = registryFor(registry, r.type);
        if (known !== undefined && !known.includes(r.id)) {
          const actually = registeredKinds(registry, r.id);
          if (actually.length > 0) {
            throw invalid(
              'AWARDS_RECIPIENT_KIND_MISMATCH',
              `${r.id} is ${KIND_NAMES[actually[0]]}; ${decision.key} goes to ${KIND_NAMES[rule.recipientType]}`,
              [{ field: `${field}.id`, reason: `registered as ${actually.join(', ')}` }],
            );
          }
          throw notFound('AWARDS_UNKNOWN_RECIPIENT', `no ${r.type} ${r.id} in this tournament`);
        }
      }
      if (seen.has(r.id)) {
        throw invalid('AWARDS_DUPLICATE_RECIPIENT', `${r.id} is listed twice for ${decision.key}`, [
          { field: `${field}.id`, reason: 'duplicate recipient' },
        ]);
      }
      seen.add(r.id);
    });

    const count = decision.recipients.length;
    if (decision.key === 'all_tournament_team' && count !== 5) {
      throw invalid('AWARDS_ALL_TOURNAMENT_TEAM_SIZE', `the all-tournament team is 5 distinct players, got ${count}`, [
        { field: `decisions[${i}].recipients`, reason: 'needs exactly 5 players' },
      ]);
    }
    if (count < rule.min || count > rule.max) {
      throw invalid(
        'AWARDS_RECIPIENT_COUNT',
        rule.max === rule.min
          ? `${decision.key} goes to exactly ${rule.min} recipient(s), got ${count}`
          : `${decision.key} needs at least ${rule.min} recipient(s), got ${count}`,
        [{ field: `decisions[${i}].recipients`, reason: `got ${count}` }],
      );
    }
  });
}
