// What each client address holds on the server right now (sockets still handshaking, open
// connections, subscriptions per topic) and its outgoing-byte budget, so per-address limits can
// be checked in O(1). Keys are never logged: they identify people.
import type { TokenBucket } from './tokenBucket';

export interface AddressEntry {
  /** Sockets from this address that are not (yet) WebSockets. */
  handshakes: number;
  /** Admitted WebSocket connections, including ones whose upgrade is still completing. */
  connections: number;
  /** Subscriptions from this address per topic; its size is the address's distinct topics. */
  readonly topics: Map<string, number>;
  /** Bytes this address's publishes may still make the server send. */
  readonly out: TokenBucket;
  /** Stands for the address on a bus shared with other instances: a counter, not the address. */
  readonly pseudonym: string;
}

export class AddressLedger {
  private readonly entries = new Map<string, AddressEntry>();
  private made = 0;

  constructor(private readonly makeOutBudget: () => TokenBucket) {}

  get size(): number {
    return this.entries.size;
  }

  entry(key: string): AddressEntry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { handshakes: 0, connections: 0, topics: new Map(), out: this.makeOutBudget(), pseudonym: `a${(this.made++).toString(36)}` };
      this.entries.set(key, entry);
    }
    return entry;
  }

  peek(key: string): AddressEntry | undefined {
    return this.entries.get(key);
  }

  /** Forgets addresses that hold nothing and owe nothing. A spent budget is kept until it has
   * refilled, so reconnecting never buys an address a fresh one. */
  prune(): void {
    for (const [key, e] of this.entries) {
      if (e.handshakes === 0 && e.connections === 0 && e.topics.size === 0 && e.out.isFull()) this.entries.delete(key);
    }
  }
}
