import type { LeaderSettings, PlayerTotals } from '../stats/index.js';
import { computedAwards } from './computed-awards.js';
import {
  validateAwardDecisions,
  type AwardDecision,
  type AwardRecipient,
  type RecipientRegistry,
} from './decided-awards.js';
import { AWARD_LABELS, placeLabelEn, placeLabelZh } from './labels.js';
import { mvpCandidates, type MvpSettings } from './mvp-candidates.js';
import { groupByPlace, validateTeamPlaces, type TeamPlace } from './team-places.js';

export type PublishedAwardKind = 'team_place' | 'computed' | 'decided';

/** One line of the published awards list (honours board, closing ceremony, fan page). */
export interface PublishedAward {
  /** `place_1`, `place_2`…, `mvp`, `top_scorer`, `assists_leader`, `rebounds_leader`, … */
  key: string;
  labelZh: string;
  labelEn: string;
  kind: PublishedAwardKind;
  /** Several recipients mean co-winners (a shared place, players level on the leading value). */
  recipients: AwardRecipient[];
  /** Place number, the leading statistic (total or per game), or the MVP candidate score. */
  value?: number;
  citation?: string;
}

export interface PublishAwardsInput {
  /** The competition's final ranking. */
  places: readonly TeamPlace[];
  /** Player totals over the stages that count for individual awards. */
  totals: readonly PlayerTotals[];
  /** Leader settings for 得分王/助攻王/篮板王 (basis, minimum games…). */
  leaderSettings?: LeaderSettings;
  decisions?: readonly AwardDecision[];
  registry?: RecipientRegistry;
  mvp?: MvpSettings & {
    /** With no organisers' decision, publish the top candidate(s) as a computed MVP. Default false. */
    publishTopCandidateWhenUndecided?: boolean;
  };
  /** Publish places 1..n only (e.g. 4 for the podium and 4th). Default: every place. */
  placesToPublish?: number;
}

const withCitation = (citation: string | undefined) => {
  const text = citation?.trim();
  return text ? { citation: text } : {};
};

/**
 * The ordered awards list: team places (冠军, 亚军, 季军, 第四名 …), MVP, 得分王, 助攻王, 篮板王,
 * 最佳阵容, 精神风尚奖, 优秀组织奖. The organisers' MVP is what is published; the formula's
 * ranking stays a candidate list (`mvpCandidates`). Awards without recipients are left out.
 */
export function publishAwards(input: PublishAwardsInput): PublishedAward[] {
  validateTeamPlaces(input.places);
  const decisions = input.decisions ?? [];
  validateAwardDecisions(decisions, input.registry);
  const decision = (key: AwardDecision['key']) => decisions.find((d) => d.key === key);
  const published: PublishedAward[] = [];

  for (const { place, teamIds } of groupByPlace(input.places)) {
    if (input.placesToPublish !== undefined && place > input.placesToPublish) break;
    published.push({
      key: `place_${place}`,
      labelZh: placeLabelZh(place),
      labelEn: placeLabelEn(place),
      kind: 'team_place',
      recipients: teamIds.map((id) => ({ type: 'team', id })),
      value: place,
    });
  }

  const decidedEntry = (key: AwardDecision['key']): PublishedAward | undefined => {
    const d = decision(key);
    if (d === undefined) return undefined;
    return {
      key,
      labelZh: d.labelZh ?? AWARD_LABELS[key].zh,
      labelEn: d.labelEn ?? AWARD_LABELS[key].en,
      kind: 'decided',
      recipients: d.recipients.map((r) => ({ type: r.type, id: r.id })),
      ...withCitation(d.citation),
    };
  };

  const mvp = decidedEntry('mvp');
  if (mvp !== undefined) {
    published.push(mvp);
  } else if (input.mvp?.publishTopCandidateWhenUndecided) {
    const top = mvpCandidates(input.totals, input.places, { ...input.mvp, limit: 1 }).filter((c) => c.rank === 1);
    if (top.length > 0) {
      published.push({
        key: 'mvp',
        labelZh: AWARD_LABELS.mvp.zh,
        labelEn: AWARD_LABELS.mvp.en,
        kind: 'computed',
        recipients: top.map((c) => ({ type: 'player', id: c.playerId })),
        value: top[0].score,
      });
    }
  }

  for (const award of computedAwards(input.totals, input.leaderSettings)) {
    if (award.winners.length === 0) continue;
    published.push({
      key: award.key,
      labelZh: AWARD_LABELS[award.key].zh,
      labelEn: AWARD_LABELS[award.key].en,
      kind: 'computed',
      recipients: award.winners.map((w) => ({ type: 'player', id: w.playerId })),
      ...(award.value === null ? {} : { value: award.value }),
    });
  }

  for (const key of ['all_tournament_team', 'sportsmanship', 'best_organising_unit'] as const) {
    const entry = decidedEntry(key);
    if (entry !== undefined) published.push(entry);
  }
  return published;
}
