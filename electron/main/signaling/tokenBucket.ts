// Per-connection message rate limiting: a token bucket, so bursts during WebRTC negotiation
// pass while a sustained flood is cut off.

export interface TokenBucket {
  /** Takes one token if available. */
  take(): boolean;
}

export function createTokenBucket(ratePerSecond: number, capacity: number, now: () => number): TokenBucket {
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const t = now();
      // A clock that goes backwards must not mint tokens.
      const elapsed = Math.max(0, t - last);
      last = t;
      tokens = Math.min(capacity, tokens + (elapsed * ratePerSecond) / 1000);
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
