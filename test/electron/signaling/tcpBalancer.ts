// Test helper: a TCP load balancer in front of signaling instances, as an operator would put
// one (no sticky sessions): each new connection goes to the first backend that accepts it, in
// this front's order, so a dead instance is skipped and its clients land on another.
import { connect, createServer, type Socket } from 'node:net';

export interface Balancer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startBalancer(backendPorts: readonly number[]): Promise<Balancer> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryBackend = (i: number) => {
      const port = backendPorts[i];
      if (port === undefined) return client.destroy();
      const backend = connect(port, '127.0.0.1');
      backend.once('error', () => {
        backend.destroy();
        if (!backend.readyState.startsWith('open')) tryBackend(i + 1);
      });
      backend.once('connect', () => {
        open.add(backend);
        backend.on('close', () => {
          open.delete(backend);
          client.destroy();
        });
        backend.on('error', () => backend.destroy());
        client.on('close', () => backend.destroy());
        client.pipe(backend);
        backend.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `ws://127.0.0.1:${address.port}`,
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
