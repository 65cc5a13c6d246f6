// In the desktop app, a room whose server presents a self-signed certificate is reached only
// once the app trusts that certificate, exactly as the invite names it, for the signaling hosts
// the invite lists (the browser host leaves TLS to the browser and its user).
import { parseSignalingUrl } from '../../../../shared/room';
import type { LanSignaling } from '../../host/Host';

export async function trustRoomCertificate(lan: Pick<LanSignaling, 'trustCertificate'>, signaling: readonly string[], sha256: string): Promise<void> {
  const hosts = new Set<string>();
  for (const url of signaling) {
    try {
      const address = parseSignalingUrl(url);
      if (address.secure) hosts.add(address.host);
    } catch {
      // Settings were validated when saved; an unreadable URL simply gets no pin.
    }
  }
  // A refused pin leaves the connection to fail with the browser engine's own error, shown as
  // "signaling unreachable"; nothing else depends on it.
  await Promise.all([...hosts].map((host) => lan.trustCertificate(host, sha256).catch(() => undefined)));
}
