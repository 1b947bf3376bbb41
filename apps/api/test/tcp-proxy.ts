/**
 * A small TCP proxy that a fault test puts between the app and a server it depends on (MySQL,
 * Redis, LiveKit), then cuts (`down`: the listener closes and every open connection is destroyed,
 * as when the server or the network goes away), turns into a black hole (`up('hang')`: connections
 * are accepted and never answered, as a server that stopped responding) and restores (`up()`, on
 * the same port).
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'forward' | 'hang';

export class TcpProxy {
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  private mode: ProxyMode = 'forward';
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listening in this mode; a change of mode drops the open connections (the app's pooled ones too). */
  async up(mode: ProxyMode = 'forward'): Promise<void> {
    if (this.server && mode === this.mode) return;
    this.drop();
    this.mode = mode;
    if (this.server) return;
    const server = createServer((client) => {
      this.track(client);
      if (this.mode === 'hang') return; // held open, not a byte back
      const upstream = this.track(createConnection(this.targetPort, this.targetHost));
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.drop();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private drop(): void {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  private track(socket: Socket): Socket {
    this.open.add(socket);
    socket.on('close', () => this.open.delete(socket));
    socket.on('error', () => undefined);
    return socket;
  }
}
