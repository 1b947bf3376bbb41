/**
 * The fanout baseline: a bare socket.io server (same path, namespace and event names as the API,
 * no auth, no database) that puts every connection in one room and broadcasts each `chat:send`
 * as a `chat:message` of the same shape the API sends. Prints `{"port":N}` when listening.
 *   node --import tsx bench/fanout/bare-server.ts <room>
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const room = process.argv[2];
const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false });
const live = io.of('/live');
let seq = 0;

live.on('connection', (socket) => {
  void socket.join(room);
  socket.on('room:join', (_payload: unknown, ack?: (reply: unknown) => void) => ack?.({ ok: true, room }));
  socket.on('chat:send', (payload: { text: string }, ack?: (reply: unknown) => void) => {
    const message = {
      id: randomUUID(),
      room,
      seq: ++seq,
      author: { id: randomUUID(), displayName: 'Bench sender' },
      text: payload.text,
      sentAt: new Date().toISOString(),
      deleted: false,
    };
    live.to(room).emit('chat:message', message);
    ack?.({ ok: true, message, duplicate: false });
  });
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as { port: number }).port })}\n`);
});
