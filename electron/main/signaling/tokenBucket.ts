// Token buckets: per-connection message rate limiting, and the outgoing-byte budgets of a
// connection, an address and a topic. Bursts (WebRTC negotiation) pass; a sustained flood does not.

export interface TokenBucket {
  /** Takes `cost` tokens (default one) if that many are available. */
  take(cost?: number): boolean;
  /** Whether `cost` tokens are available, without taking them: several budgets are checked
   * first and charged only if all of them can pay. */
  canTake(cost: number): boolean;
  /** Refilled to capacity: nothing is owed, so the bucket may be forgotten and made anew. */
  isFull(): boolean;
}

export function createTokenBucket(ratePerSecond: number, capacity: number, now: () => number): TokenBucket {
  let tokens = capacity;
  let last = now();
  const refill = () => {
    const t = now();
    // A clock that goes backwards must not mint tokens.
    const elapsed = Math.max(0, t - last);
    last = t;
    tokens = Math.min(capacity, tokens + (elapsed * ratePerSecond) / 1000);
  };
  return {
    take(cost = 1) {
      refill();
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
    canTake(cost) {
      refill();
      return tokens >= cost;
    },
    isFull() {
      refill();
      return tokens >= capacity;
    },
  };
}
