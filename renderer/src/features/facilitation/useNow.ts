// The current time, re-read every `intervalMs` while active, for displays that count down. The
// first value after a pause in activity is as old as the last read, so a countdown never shows
// more than the timer's length (remainingMs) rather than trusting this to be fresh.
import { useEffect, useState } from 'react';

export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
