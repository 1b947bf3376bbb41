/**
 * The tally baseline: a bare socket.io server (same path, `/public` namespace and event name as the
 * API; no auth, no database, no coalescing). `POST /sign` answers 200 and then broadcasts a tally of
 * the same size as the API's to the room, with `signedCount` raised by one. Prints `{"port":N}`.
 *   node --import tsx bench/tally/bare-server.ts <room> <tally JSON template>
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const room = process.argv[2];
const template = JSON.parse(process.argv[3]) as Record<string, unknown>;
let signedCount = 0;

const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/sign') {
    res.writeHead(404).end();
    return;
  }
  req.resume();
  req.on('end', () => {
    signedCount++;
    const tally = { ...template, signedCount };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'signed' }));
    live.to(room).emit('tally:updated', tally);
  });
});
const io = new Server(http, { path: '/socket.io', serveClient: false });
const live = io.of('/public');
live.on('connection', (socket) => {
  socket.on('room:join', (_payload: unknown, ack?: (reply: unknown) => void) => {
    void socket.join(room);
    ack?.({ ok: true, room });
  });
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as { port: number }).port })}\n`);
});
