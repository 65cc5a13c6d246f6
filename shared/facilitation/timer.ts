// The shared countdown. Its state is folded from the facilitator's signed timer actions, whose
// times are the facilitator's clock; every peer reads it against its estimate of that clock
// (clockOffset.ts), so all show the same remaining time however wrong their own clocks are.
import type { FacilitatorAction } from './actions';

export type TimerState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly durationMs: number; readonly endsAt: number }
  | { readonly status: 'paused'; readonly durationMs: number; readonly remainingMs: number };

export const IDLE_TIMER: TimerState = { status: 'idle' };

type TimerAction = Extract<FacilitatorAction, { type: `timer.${string}` }>;

export function applyTimerAction(timer: TimerState, action: TimerAction): TimerState {
  switch (action.type) {
    case 'timer.start':
      return { status: 'running', durationMs: action.durationMs, endsAt: action.at + action.durationMs };
    case 'timer.pause':
      return timer.status === 'running' ? { status: 'paused', durationMs: timer.durationMs, remainingMs: Math.max(0, timer.endsAt - action.at) } : timer;
    case 'timer.resume':
      return timer.status === 'paused' ? { status: 'running', durationMs: timer.durationMs, endsAt: action.at + timer.remainingMs } : timer;
    case 'timer.extend':
      // A timer that already ran out is extended from the moment of the click, not from its end.
      if (timer.status === 'running') return { status: 'running', durationMs: timer.durationMs + action.byMs, endsAt: Math.max(timer.endsAt, action.at) + action.byMs };
      if (timer.status === 'paused') return { ...timer, durationMs: timer.durationMs + action.byMs, remainingMs: timer.remainingMs + action.byMs };
      return timer;
    case 'timer.stop':
      return IDLE_TIMER;
  }
}

/**
 * Milliseconds left at `facilitatorNow` (the facilitator's clock); null when no timer runs. Never
 * more than the timer's length: a clock read a moment before the start (a display's last tick,
 * or a peer's estimate of the facilitator's clock) must not show 15:36 on a 15-minute timer.
 */
export function remainingMs(timer: TimerState, facilitatorNow: number): number | null {
  if (timer.status === 'idle') return null;
  if (timer.status === 'paused') return timer.remainingMs;
  return Math.min(timer.durationMs, Math.max(0, timer.endsAt - facilitatorNow));
}

export const timerEnded = (timer: TimerState, facilitatorNow: number): boolean => timer.status === 'running' && timer.endsAt <= facilitatorNow;

/** "m:ss", rounding up so the display reaches 0:00 exactly when the time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, '0')}`;
}
