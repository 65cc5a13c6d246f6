// The desktop app trusts a room's self-signed certificate for the hosts of the invite's wss://
// signaling URLs only, and a refused pin does not stop the room from trying to connect.
import { describe, expect, it } from 'vitest';
import { trustRoomCertificate } from '../../../renderer/src/features/room/trustRoomCertificate';

const SHA = 'AB'.repeat(32);

describe('trustRoomCertificate', () => {
  it('pins the certificate for each secure signaling host, once', async () => {
    const pinned: string[] = [];
    const lan = { trustCertificate: async (host: string, sha256: string) => void pinned.push(`${host} ${sha256}`) };
    await trustRoomCertificate(lan, ['wss://10.0.0.5:4444', 'wss://10.0.0.5:4444/other', 'ws://10.0.0.6:4444', 'wss://[fd00::5]:4444'], SHA);
    expect(pinned).toEqual([`10.0.0.5 ${SHA}`, `fd00::5 ${SHA}`]);
  });

  it('carries on when main refuses a pin', async () => {
    const lan = { trustCertificate: async () => Promise.reject(new Error('refused')) };
    await expect(trustRoomCertificate(lan, ['wss://10.0.0.5:4444'], SHA)).resolves.toBeUndefined();
  });
});
