// The tournament's live room for fan pages (tournament, team): every game's score line with period
// and clock (`tournament:score`), games starting and ending (`tournament:game-status`), and the
// news that standings, bracket, leaders… changed (`tournament:changed`, with its topics).
// The socket.io client is loaded after the first paint.
import { showConnection } from '../connection-banner.js';

/**
 * @param {string} tournamentId
 * @param {{
 *   onBoard?: (board: { games: Array<{ gameId: string, status: string, score: { home: number, away: number }, period: { current: number, label: string | null } | null, clock: object | null }> }) => void,
 *   onScore?: (line: { gameId: string, status: string, score: { home: number, away: number }, period: object | null, clock: object | null }) => void,
 *   onStatus?: (change: { gameId: string, status: string }) => void,
 *   onChanged?: (change: { topics: string[], gameId: string | null }) => void,
 * }} handlers
 */
export async function joinTournamentRoom(tournamentId, handlers) {
  let live = null;
  let connectedBefore = false;
  // Without network the chunk cannot come yet: try again until it does.
  while (!live) live = await import('../live.js').catch(() => new Promise((r) => setTimeout(() => r(null), 3000)));
  const socket = live.connectLive({
    onState: showConnection,
    onConnect: async (s) => {
      const ack = await live.ask(s, 'tournament:subscribe', { tournamentId }, 3000);
      if (ack?.ok && ack.data) handlers.onBoard?.(ack.data);
      // Reconnected: whatever changed meanwhile is read again.
      if (connectedBefore)
        handlers.onChanged?.({
          topics: ['games', 'standings', 'bracket', 'ranking', 'leaders', 'awards'],
          gameId: null,
        });
      connectedBefore = true;
    },
  });
  socket.on('tournament:score', (line) => handlers.onScore?.(line));
  socket.on('tournament:game-status', (change) => handlers.onStatus?.(change));
  socket.on('tournament:changed', (change) => handlers.onChanged?.(change));
  return socket;
}
