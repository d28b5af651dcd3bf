// How the sport reads on a page: clock, periods, statuses, plays.
import { serverNow } from './api.js';
import { currentLang, t } from './i18n.js';

/** Tenths of a second left -> "9:58" (or "42.3" in the last minute). */
export function clockText(tenths) {
  if (tenths === null || tenths === undefined) return '--:--';
  const v = Math.max(0, Math.round(tenths));
  if (v < 600) return `${Math.floor(v / 10)}.${v % 10}`;
  const seconds = Math.ceil(v / 10);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The clock as it stands now: a running clock counts down from its value at `since` (server
 * time, ms) — the moment the server recorded the event that set it.
 */
export function clockNow(clock, since) {
  if (!clock || clock.remaining === null || clock.remaining === undefined) return null;
  const asOf = Date.parse(clock.asOf ?? clock.at ?? '') || since;
  if (!clock.running || !asOf) return clock.remaining;
  return Math.max(0, clock.remaining - Math.floor((serverNow() - asOf) / 100));
}

/** "1".."4" -> 第1节 / Q1; "OT1" -> 加时1 / OT1. */
export function periodText(label, current) {
  if (!current) return t('notStarted');
  const text = String(label ?? current);
  const ot = /^OT(\d+)$/.exec(text);
  if (ot) return t('overtime', { n: ot[1] });
  return t('period', { n: text });
}

export const statusText = (status) => t(`status_${status}`);

export const isLiveStatus = (s) => s === 'live' || s === 'ready';
export const isDone = (s) => ['final', 'official', 'forfeit', 'lost_by_default'].includes(s);

/** "2024-05-18T19:30" -> "5月18日 19:30" / "May 18 19:30". */
export function whenText(local) {
  if (!local) return t('tbd');
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return local;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return currentLang() === 'zh' ? `${month}月${day}日 ${m[4]}:${m[5]}` : `${MONTHS[month - 1]} ${day} ${m[4]}:${m[5]}`;
}
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Today on the device, as the venue's YYYY-MM-DD. */
export function todayLocal() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * One play as a sentence. `names`: { players: Map(id -> {name, jerseyNumber}), teams: Map(id -> name) }.
 */
export function describePlay(event, names) {
  const player = (id) => {
    const p = id ? names.players.get(id) : null;
    return p ? `#${p.jerseyNumber} ${p.name}` : id ? '?' : t('teamPlayer');
  };
  const team = (id) => names.teams.get(id) ?? '';
  switch (event.type) {
    case 'field_goal_made':
      return event.assistPlayerId
        ? t('ev_field_goal_made_ast', {
            player: player(event.playerId),
            points: event.points,
            assist: player(event.assistPlayerId),
          })
        : t('ev_field_goal_made', { player: player(event.playerId), points: event.points });
    case 'field_goal_missed':
      return t('ev_field_goal_missed', { player: player(event.playerId), points: event.points });
    case 'free_throw_made':
    case 'free_throw_missed':
    case 'steal':
    case 'block':
    case 'turnover':
      return t(`ev_${event.type}`, { player: player(event.playerId) });
    case 'rebound':
      return t(`ev_rebound_${event.kind}`, { player: player(event.playerId) });
    case 'foul': {
      const who =
        event.committedBy === 'player' ? player(event.playerId) : `${team(event.teamId)} ${t(event.committedBy)}`;
      return t(event.kind === 'personal' ? 'ev_foul' : `ev_foul_${event.kind}`, { player: who });
    }
    case 'timeout':
      return t('ev_timeout', { team: team(event.teamId) });
    case 'substitution':
      return t('ev_substitution', {
        team: team(event.teamId),
        in: player(event.playerInId),
        out: player(event.playerOutId),
      });
    case 'period_start':
    case 'period_end':
      return t(`ev_${event.type}`, { period: event.period ? periodText(null, event.period) : '' });
    case 'clock_start':
    case 'clock_stop':
      return `${t(`ev_${event.type}`)} ${clockText(event.gameClock)}`;
    case 'score_adjust':
      return t('ev_score_adjust', {
        player: event.playerId ? player(event.playerId) : team(event.teamId),
        points: event.points,
      });
    case 'paper_result':
      return t('ev_paper_result', { home: event.home?.score ?? '', away: event.away?.score ?? '' });
    case 'void':
      return t('ev_void', { seq: event.targetSeq });
    case 'replace':
      return `${t('ev_replace', { seq: event.targetSeq })}: ${describePlay(event.replacement, names)}`;
    default:
      return event.type;
  }
}

/** Plays that move the score get a stronger line in the play-by-play. */
export const isScoring = (event) =>
  event.type === 'field_goal_made' || event.type === 'free_throw_made' || event.type === 'score_adjust';
