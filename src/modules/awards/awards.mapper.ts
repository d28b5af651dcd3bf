import {
  AWARD_LABELS,
  type StatsSettingsPatch,
  type TeamSuccessWeighting,
  type AwardDecision,
  type AwardRecipient,
  type MvpCandidate,
  type PublishedAward,
} from '../../domain/awards/index.js';
import type { RankingBasis } from '../../domain/stats/index.js';
import type { AwardDecisionEntity } from './award-decision.entity.js';
import type {
  AwardDecisionDto,
  MvpCandidateDto,
  PublishedAwardDto,
  RecipientDto,
  TeamSuccessDto,
  UpdateStatsSettingsDto,
} from './awards.dto.js';

type Describe = (r: AwardRecipient) => RecipientDto;

/** The stored row as the domain reads it. */
export const decisionOf = (d: AwardDecisionEntity): AwardDecision => ({
  key: d.awardKey,
  recipients: d.recipients,
  ...(d.citation ? { citation: d.citation } : {}),
  ...(d.labelZh ? { labelZh: d.labelZh } : {}),
  ...(d.labelEn ? { labelEn: d.labelEn } : {}),
});

export const toAwardDecisionDto = (d: AwardDecisionEntity, describe: Describe): AwardDecisionDto => ({
  key: d.awardKey,
  labelZh: d.labelZh ?? AWARD_LABELS[d.awardKey].zh,
  labelEn: d.labelEn ?? AWARD_LABELS[d.awardKey].en,
  recipients: d.recipients.map(describe),
  citation: d.citation,
  decidedBy: d.decidedBy,
  updatedAt: d.updatedAt.toISOString(),
  version: d.version,
});

/** One decimal for values per game, whole numbers as they are. */
const display = (value: number, basis: RankingBasis) => (basis === 'per_game' ? value.toFixed(1) : String(value));

export const toPublishedAwardDto = (
  a: PublishedAward,
  lang: 'zh' | 'en',
  describe: Describe,
  computedBasis: RankingBasis,
): PublishedAwardDto => {
  // 得分王/助攻王/篮板王 carry a statistic; a computed MVP carries its candidate score.
  const statistic = a.kind === 'computed' && a.key !== 'mvp';
  return {
    key: a.key,
    kind: a.kind,
    label: lang === 'en' ? a.labelEn : a.labelZh,
    labelZh: a.labelZh,
    labelEn: a.labelEn,
    recipients: a.recipients.map(describe),
    value: a.value ?? null,
    display: statistic && a.value !== undefined ? display(a.value, computedBasis) : null,
    basis: statistic ? computedBasis : null,
    citation: a.citation ?? null,
  };
};

export const toMvpCandidateDto = (c: MvpCandidate, describe: Describe): MvpCandidateDto => ({
  rank: c.rank,
  tied: c.tied,
  player: describe({ type: 'player', id: c.playerId }),
  teamPlace: c.teamPlace,
  games: c.games,
  base: c.base,
  teamFactor: c.teamFactor,
  score: c.score,
});

const teamSuccessOf = (t: TeamSuccessDto): TeamSuccessWeighting =>
  t.kind === 'linear' ? { kind: 'linear', weight: t.weight! } : { kind: 'per_place', factors: [...t.factors!] };

/** The settings request as the domain's patch (plain JSON, what was left out stays undefined). */
export const toStatsSettingsPatch = (dto: UpdateStatsSettingsDto): StatsSettingsPatch =>
  JSON.parse(
    JSON.stringify({
      leaders: dto.leaders,
      awards: dto.awards,
      mvp: dto.mvp && { ...dto.mvp, teamSuccess: dto.mvp.teamSuccess && teamSuccessOf(dto.mvp.teamSuccess) },
    }),
  ) as StatsSettingsPatch;
