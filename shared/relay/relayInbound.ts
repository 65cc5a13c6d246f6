// Bookkeeping for inbound relay frames that passed decryption: replays (a sequence number not
// above the sender's last, or a send time far from ours: the server can resend any old frame),
// and the parts of messages too long for one frame. Both are bounded.
import { MAX_REASSEMBLY_BYTES, MAX_TRACKED_SENDERS } from './relayLimits';
import type { RelayEnvelope, RelayKind } from './relayEnvelope';
import type { PeerDropReason } from '../sync/peerDropReason';

export type Freshness = 'fresh' | 'stale' | 'replayed';

export class ReplayGuard {
  private readonly last = new Map<string, number>();
  constructor(private readonly freshnessMs: number) {}

  check(from: string, seq: number, sentAt: number, now: number): Freshness {
    if (Math.abs(now - sentAt) > this.freshnessMs) return 'stale';
    const last = this.last.get(from);
    if (last !== undefined && seq <= last) return 'replayed';
    // Re-inserted so the map's order is least recently heard first.
    this.last.delete(from);
    this.last.set(from, seq);
    if (this.last.size > MAX_TRACKED_SENDERS) {
      const oldest = this.last.keys().next().value;
      if (oldest !== undefined) this.last.delete(oldest);
    }
    return 'fresh';
  }
}

interface Pending {
  readonly kind: RelayKind;
  readonly parts: (Uint8Array | undefined)[];
  got: number;
  bytes: number;
  readonly startedAt: number;
}

export type PartOutcome = { readonly done: true; readonly body: Uint8Array } | { readonly done: false; readonly refused?: PeerDropReason };

/** Joins the parts of long messages; one unfinished message per sender, dropped after `timeoutMs`. */
export class Reassembly {
  private readonly pending = new Map<string, Pending>();
  private total = 0;
  constructor(private readonly timeoutMs: number) {}

  add(e: RelayEnvelope, now: number): PartOutcome {
    if (e.parts === 1) return { done: true, body: e.body };
    this.expire(now);
    let p = this.pending.get(e.from);
    // Parts carry consecutive sequence numbers; a first part starts a new message.
    if (e.part === 0 || !p || p.kind !== e.kind || p.parts.length !== e.parts) {
      if (e.part !== 0) return { done: false, refused: { code: 'relay-malformed', what: 'orphan-part' } };
      this.drop(e.from);
      p = { kind: e.kind, parts: new Array<Uint8Array | undefined>(e.parts).fill(undefined), got: 0, bytes: 0, startedAt: now };
      this.pending.set(e.from, p);
    }
    if (p.parts[e.part] !== undefined) return { done: false, refused: { code: 'relay-malformed', what: 'duplicate-part' } };
    if (this.total + e.body.length > MAX_REASSEMBLY_BYTES) {
      this.drop(e.from);
      return { done: false, refused: { code: 'relay-backlog' } };
    }
    p.parts[e.part] = e.body;
    p.got++;
    p.bytes += e.body.length;
    this.total += e.body.length;
    if (p.got < e.parts) return { done: false };
    this.drop(e.from);
    const body = new Uint8Array(p.bytes);
    let at = 0;
    for (const part of p.parts) {
      if (!part) continue;
      body.set(part, at);
      at += part.length;
    }
    return { done: true, body };
  }

  private drop(from: string): void {
    const p = this.pending.get(from);
    if (!p) return;
    this.total -= p.bytes;
    this.pending.delete(from);
  }

  private expire(now: number): void {
    for (const [from, p] of this.pending) if (now - p.startedAt > this.timeoutMs) this.drop(from);
  }
}
