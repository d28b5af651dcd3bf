/**
 * Builds the AsyncAPI 3.1 description of the socket.io events (docs/asyncapi.json) from the typed
 * event map, through event-messages.ts and ts-json-schema-generator.
 *
 *   npm run docs:asyncapi      # rewrite docs/asyncapi.json after changing src/live/events.ts
 *
 * test/api-documents.e2e-spec.ts fails when the committed file differs from a fresh build, and
 * validates it with the AsyncAPI parser.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { describeIntegers } from './integers.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const ASYNCAPI_FILE = path.join(ROOT, 'docs/asyncapi.json');

type Json = Record<string, any>;

const COMMANDS: Record<string, string> = {
  'game:subscribe':
    'Anyone: join the game room. Answers with a snapshot, or exactly the deltas after `lastSeq` (read from the database, so it works after a restart and on any instance).',
  'game:unsubscribe': 'Leave the game room.',
  'tournament:subscribe': "Anyone: join the tournament room. Answers with every game's scoreboard line.",
  'tournament:unsubscribe': 'Leave the tournament room.',
  'game:event':
    'Scorekeepers of the game and its organisers: record a play, as POST /api/v1/games/{id}/events (same rules, same errors).',
  'game:undo': 'Undo the last action, as POST /api/v1/games/{id}/undo.',
  'game:transition': "Change the game's status, as POST /api/v1/games/{id}/transitions.",
};

const PUSHES: Record<string, { room: 'game' | 'tournament'; summary: string }> = {
  'game:event': {
    room: 'game',
    summary: 'A committed event with the next `seq` (apply seq = last + 1; on a gap subscribe again with lastSeq).',
  },
  'game:status': { room: 'game', summary: 'A lifecycle step of the game (ready, live, final, official…).' },
  'tournament:score': { room: 'tournament', summary: "A game's score line after a committed event." },
  'tournament:game-status': { room: 'tournament', summary: 'A game of the tournament started, ended, was confirmed…' },
  'tournament:changed': {
    room: 'tournament',
    summary: 'Standings, bracket, schedule, ranking, leaders or awards changed: refetch those parts over REST.',
  },
};

/** `game:event` names a command and a push; component keys cannot repeat. */
const key = (direction: 'send' | 'ack' | 'push', event: string) =>
  `${direction}_${event.replace(/[^A-Za-z0-9]+/g, '_')}`;

export function buildAsyncApiDocument(): Json {
  const generator = createGenerator({
    path: path.join(ROOT, 'test/support/asyncapi/event-messages.ts'),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    type: 'LiveMessages',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    skipTypeCheck: true,
    sortProps: true,
  });
  const raw = generator.createSchema('LiveMessages');
  // Component keys allow [A-Za-z0-9._-]: `Ack<GameRef>` becomes `Ack_GameRef`, in keys and references.
  const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+$/, '');
  const definitions: Json = JSON.parse(
    JSON.stringify(
      Object.fromEntries(Object.entries(raw.definitions ?? {}).map(([name, schema]) => [safe(name), schema])),
    ).replace(
      /"#\/definitions\/([^"]+)"/g,
      (_m, ref: string) => `"#/components/schemas/${safe(decodeURIComponent(ref))}"`,
    ),
  );
  describeIntegers(definitions);
  const live = definitions.LiveMessages.properties;
  const client: Json = (live.client.$ref ? definitions.ClientCommands : live.client).properties;
  const server: Json = (live.server.$ref ? definitions.ServerMessages : live.server).properties;
  delete definitions.LiveMessages;
  delete definitions.ClientCommands;
  delete definitions.ServerMessages;

  const messages: Json = {};
  const operations: Json = {};
  const commandChannel: Json = {
    address: null,
    description: 'Commands a client emits, answered through the acknowledgement callback.',
    messages: {},
  };
  const rooms: Json = {
    game: {
      address: 'game:{gameId}',
      description: 'The game room: joined with game:subscribe.',
      parameters: { gameId: { description: 'The game (uuid), as in /api/v1/games/{id}' } },
      messages: {},
    },
    tournament: {
      address: 'tournament:{tournamentId}',
      description: 'The tournament room: joined with tournament:subscribe.',
      parameters: { tournamentId: { description: 'The tournament (uuid)' } },
      messages: {},
    },
  };

  for (const [event, summary] of Object.entries(COMMANDS)) {
    const shape = client[event].properties;
    messages[key('send', event)] = { name: event, title: event, summary, payload: shape.payload };
    messages[key('ack', event)] = {
      name: `${event} (acknowledgement)`,
      title: `${event} acknowledgement`,
      summary: 'The answer: { ok: true, data } or { ok: false, error } with the same ErrorBody as REST.',
      payload: shape.ack,
    };
    commandChannel.messages[key('send', event)] = { $ref: `#/components/messages/${key('send', event)}` };
    commandChannel.messages[key('ack', event)] = { $ref: `#/components/messages/${key('ack', event)}` };
    operations[key('send', event)] = {
      action: 'send',
      title: event,
      summary,
      channel: { $ref: '#/channels/commands' },
      messages: [{ $ref: `#/channels/commands/messages/${key('send', event)}` }],
      reply: {
        channel: { $ref: '#/channels/commands' },
        messages: [{ $ref: `#/channels/commands/messages/${key('ack', event)}` }],
      },
    };
  }
  for (const [event, { room, summary }] of Object.entries(PUSHES)) {
    messages[key('push', event)] = { name: event, title: event, summary, payload: server[event].properties.payload };
    rooms[room].messages[key('push', event)] = { $ref: `#/components/messages/${key('push', event)}` };
    operations[key('push', event)] = {
      action: 'receive',
      title: event,
      summary,
      channel: { $ref: `#/channels/${room}` },
      messages: [{ $ref: `#/channels/${room}/messages/${key('push', event)}` }],
    };
  }

  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Courtside live events',
      version: '1',
      description:
        'socket.io on the server’s own address (path /socket.io). Connect with `auth: { token }` to act as a scorekeeper, without one as a fan. ' +
        'Generated from src/live/events.ts (npm run docs:asyncapi).',
    },
    servers: {
      courtside: {
        host: 'localhost:3000',
        pathname: '/socket.io',
        protocol: 'ws',
        description:
          'socket.io (Engine.IO 4) over WebSocket, or HTTP long-polling as a fallback; the same host and port as the API',
      },
    },
    defaultContentType: 'application/json',
    channels: { commands: commandChannel, ...rooms },
    operations,
    components: { schemas: definitions, messages },
  };
}

export const serialise = (doc: Json) => `${JSON.stringify(doc, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await writeFile(ASYNCAPI_FILE, serialise(buildAsyncApiDocument()));
  console.log(`wrote ${path.relative(process.cwd(), ASYNCAPI_FILE)}`);
}
