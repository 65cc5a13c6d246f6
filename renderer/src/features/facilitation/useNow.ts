// The current time for displays that count down: re-rendered every `intervalMs` while active,
// and read afresh on every render. A time kept in state would be as old as the last tick, and a
// display that starts counting (a timer just started after minutes idle) would first show the
// remaining time as of that old tick, too much by however long it sat idle.
import { useEffect, useState } from 'react';

export function useNow(intervalMs: number, active = true): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return Date.now();
}
