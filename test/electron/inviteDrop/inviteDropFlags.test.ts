// The invite drop's flags on `bridgeboard signal` (and so on `serve`): its limits reach the
// running server, `--no-invite-drop` turns it off, and nonsense is refused with the flag named.
import { describe, expect, it } from 'vitest';
import { runSignal } from '../../../cli/signalCommand';
import { signalIo as io } from '../signaling/signalIo';
import { parseServeOptions } from '../../../cli/serveOptions';
import { toBase64url } from '../../../shared/crypto/bytes';
import { connect, eventually } from '../signaling/wsClient';

const id = (n: number) => toBase64url(Uint8Array.from({ length: 16 }, (_, i) => (n * 7 + i) & 255));

async function running(argv: string[]) {
  const t = io();
  const done = runSignal(['--host', '127.0.0.1', '--port', '0', '--stats-interval-ms', '0', ...argv], t.io);
  await eventually(() => t.out.some((l) => l.includes('listening on')));
  const url = /listening on (ws:\/\/\S+)/.exec(t.out.join('\n'))?.[1] ?? '';
  return { url, stop: async () => {
    t.stop();
    expect(await done).toBe(0);
  } };
}

describe('invite drop flags', () => {
  it.each([
    ['a limit of zero', ['--invite-max-entries', '0'], /--invite-max-entries: expected a whole number from 1/],
    ['a TTL over a week', ['--invite-max-ttl-seconds', '999999'], /at most 604800/],
    ['limits with the drop off', ['--no-invite-drop', '--invite-max-entries', '5'], /do not go together/],
  ])('refuses %s', async (_name, argv, message) => {
    const t = io();
    expect(await runSignal(argv, t.io)).toBe(2);
    expect(t.err[0]).toMatch(message);
  });

  it('lists them in --help, and serve takes them too', async () => {
    const t = io();
    await runSignal(['--help'], t.io);
    expect(t.out.join('\n')).toContain('--no-invite-drop');
    const serve = parseServeOptions(['--invite-max-entries-per-address', '3']);
    expect(serve.ok && !serve.help && serve.options.signal.invites).toMatchObject({ limits: { maxEntriesPerAddress: 3 } });
  });

  it('applies its limits to the running server', async () => {
    const server = await running(['--invite-max-entries-per-address', '1']);
    const c = await connect(server.url);
    c.send({ type: 'invite-put', id: id(1), box: 'box', ttl: 60 });
    expect(await c.next((m) => m.type === 'invite-stored')).toMatchObject({ id: id(1) });
    c.send({ type: 'invite-put', id: id(2), box: 'box', ttl: 60 });
    expect(await c.next((m) => m.type === 'invite-refused')).toEqual({ type: 'invite-refused', id: id(2), reason: 'address-full' });
    await c.close();
    await server.stop();
  });

  it('keeps no boxes with --no-invite-drop, and says so', async () => {
    const server = await running(['--no-invite-drop']);
    const c = await connect(server.url);
    c.send({ type: 'invite-get', id: id(1) });
    expect(await c.next((m) => m.type === 'invite-refused')).toEqual({ type: 'invite-refused', id: '', reason: 'unavailable' });
    await c.close();
    await server.stop();
  });
});
