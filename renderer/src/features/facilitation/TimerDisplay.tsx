// The shared countdown as everyone sees it: the remaining time on the facilitator's clock (as
// this peer estimates it), "Paused", or "Time is up" with a beep unless muted.
import { useEffect, useRef, useState } from 'react';
import { formatRemaining, remainingMs } from '../../../../shared/facilitation';
import { useT } from '../../core/i18n';
import { useFacilitation, useFacilitationContext } from './facilitationContext';
import { isMuted, setMuted } from './facilitationStorage';
import { playBeep } from './beep';
import { useNow } from './useNow';

export function TimerDisplay() {
  const t = useT();
  const facilitation = useFacilitationContext();
  const timer = useFacilitation((v) => v.state.timer);
  const offset = useFacilitation((v) => (v.isFacilitator ? 0 : v.offsetMs)) ?? 0;
  const now = useNow(250, timer !== null && timer.status === 'running');
  const [muted, setMutedState] = useState(isMuted);
  const left = timer ? remainingMs(timer, now + offset) : null;
  const ended = timer?.status === 'running' && left === 0;
  const wasEnded = useRef<boolean | null>(null);
  useEffect(() => {
    // Beep on the transition only, not when opening a board whose timer ran out long ago.
    if (wasEnded.current === false && ended && !muted) playBeep();
    wasEnded.current = ended;
  }, [ended, muted]);
  if (!facilitation || !timer || left === null) return null;
  const toggleMute = () => {
    setMuted(!muted);
    setMutedState(!muted);
  };
  return (
    <div className={`timer${ended ? ' timer-ended' : ''}`} data-testid="timer">
      <span className="timer-label">{t('facilitation.timer.label')}</span>{' '}
      <span className="timer-value" role="timer" aria-label={t('facilitation.timer.left', { time: formatRemaining(left) })} data-testid="timer-value" data-remaining-ms={left}>
        {formatRemaining(left)}
      </span>
      {timer.status === 'paused' && <span className="timer-state"> {t('facilitation.timer.paused')}</span>}
      {ended && (
        <strong className="timer-state" role="alert" data-testid="timer-ended">
          {' '}
          {t('facilitation.timer.up')}
        </strong>
      )}
      <button type="button" className="link-button" aria-pressed={muted} onClick={toggleMute} data-testid="timer-mute">
        {muted ? t('facilitation.timer.soundOff') : t('facilitation.timer.soundOn')}
      </button>
    </div>
  );
}
