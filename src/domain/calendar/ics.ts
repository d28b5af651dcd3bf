/**
 * An iCalendar feed (RFC 5545) of games that a phone subscribes to: one VEVENT per scheduled
 * game with a stable UID (the game's id), DTSTART/DTEND in the venue's zone (TZID, with its
 * VTIMEZONE), LOCATION (venue and court), the teams in SUMMARY and the result once decided.
 * SEQUENCE and DTSTAMP/LAST-MODIFIED come from the game row, so a moved game replaces the old
 * entry on the next refresh instead of adding one.
 */

export interface CalendarGame {
  id: string;
  competitionKey: string | null;
  /** The game's name in the competition (A组 第1轮, 半决赛1, 决赛). */
  title?: string | null;
  homeTeam: string | null;
  awayTeam: string | null;
  court: string | null;
  /** Venue wall clock 'YYYY-MM-DDTHH:mm'; games without one are left out. */
  scheduledAt: string | null;
  /** Minutes the game's slot lasts (DTEND). */
  durationMinutes: number;
  status: string;
  result: { homeScore: number; awayScore: number; kind: 'played' | 'forfeit' | 'default' } | null;
  /** Rises with every change of the game (SEQUENCE). */
  version: number;
  updatedAt: Date;
}

export interface CalendarFeed {
  /** X-WR-CALNAME: what the phone lists the subscription as. */
  name: string;
  timeZone: string;
  /** The VTIMEZONE component for timeZone (from a time-zone database). */
  vtimezone: string;
  venue: string | null;
  /** UID domain: `<game id>@<domain>`. */
  uidDomain: string;
  games: readonly CalendarGame[];
  /** Page of a game for the event's URL, when the server knows its public address. */
  gameUrl?: (gameId: string) => string;
}

const STATUS_NOTE: Record<string, string> = {
  live: '进行中',
  final: '已结束',
  official: '成绩已确认',
  forfeit: '弃权',
  lost_by_default: '判负',
  postponed: '延期',
  cancelled: '取消',
};

export function calendarFeed(feed: CalendarFeed): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Courtside//Tournament schedule//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(feed.name)}`,
    `X-WR-TIMEZONE:${feed.timeZone}`,
    // Ask subscribing calendars to look again hourly (Apple, Google and Outlook read one of these).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...feed.vtimezone.split(/\r?\n/).filter((l) => l.length > 0),
  ];
  for (const game of feed.games) if (game.scheduledAt) lines.push(...gameEvent(feed, game, game.scheduledAt));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function gameEvent(feed: CalendarFeed, game: CalendarGame, start: string): string[] {
  const home = game.homeTeam ?? '待定';
  const away = game.awayTeam ?? '待定';
  const score = game.result ? ` ${game.result.homeScore}:${game.result.awayScore} ` : ' vs ';
  const flag = game.status === 'postponed' ? '【延期】' : game.status === 'cancelled' ? '【取消】' : '';
  const summary = `${flag}${home}${score}${away}`;
  const location = [feed.venue, game.court].filter((s): s is string => Boolean(s)).join(' ');
  const description = [
    game.title ? `轮次：${game.title}` : null,
    game.competitionKey ? `比赛编号：${game.competitionKey}` : null,
    STATUS_NOTE[game.status] ? `状态：${STATUS_NOTE[game.status]}` : null,
    game.result
      ? `比分：${home} ${game.result.homeScore}:${game.result.awayScore} ${away}${
          game.result.kind === 'forfeit' ? '（弃权）' : game.result.kind === 'default' ? '（判负）' : ''
        }`
      : null,
  ].filter((s): s is string => s !== null);
  const stamp = utc(game.updatedAt);
  return [
    'BEGIN:VEVENT',
    `UID:${game.id}@${feed.uidDomain}`,
    `SEQUENCE:${game.version}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `DTSTART;TZID=${feed.timeZone}:${local(start, 0)}`,
    `DTEND;TZID=${feed.timeZone}:${local(start, game.durationMinutes)}`,
    `SUMMARY:${text(summary)}`,
    ...(location ? [`LOCATION:${text(location)}`] : []),
    ...(description.length > 0 ? [`DESCRIPTION:${text(description.join('\n'))}`] : []),
    ...(feed.gameUrl ? [`URL:${feed.gameUrl(game.id)}`] : []),
    `STATUS:${game.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** 'YYYY-MM-DDTHH:mm' plus minutes, as an iCalendar local date-time 'YYYYMMDDTHHmmss' (wall-clock arithmetic). */
export function local(wallClock: string, plusMinutes: number): string {
  const [date, time] = wallClock.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1, d, hh, mm + plusMinutes));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}T${p(t.getUTCHours())}${p(t.getUTCMinutes())}00`;
}

const utc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT value escaping (RFC 5545 3.3.11). */
export const text = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}
