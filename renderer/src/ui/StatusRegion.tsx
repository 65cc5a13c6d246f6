// Where errors and confirmations are announced: errors in an alert region (read out at once),
// other notices in a polite status region. Each can be dismissed; information notices also go
// away by themselves (core/notices.ts), but never while the pointer is over the notices or the
// keyboard focus is in them, so nobody loses a sentence they are reading or about to dismiss.
import { useRef, type FocusEvent } from 'react';
import { uiStore, useUi, type Notice } from '../core/notices';
import { useT } from '../core/i18n';

function NoticeItem({ notice }: { readonly notice: Notice }) {
  const t = useT();
  return (
    <li className={`notice notice-${notice.kind}`} data-testid={`notice-${notice.kind}`}>
      <span>{notice.text}</span>
      <button type="button" className="link" onClick={() => uiStore.getState().dismiss(notice.id)} aria-label={t('ui.dismiss', { text: notice.text })}>
        ✕
      </button>
    </li>
  );
}

export function StatusRegion() {
  const t = useT();
  const notices = useUi((s) => s.notices);
  const announcement = useUi((s) => s.announcement);
  const errors = notices.filter((n) => n.kind === 'error');
  const infos = notices.filter((n) => n.kind === 'info');
  // Held while either the pointer is over the notices or the focus is in them.
  const holding = useRef({ pointer: false, focus: false });
  const hold = (part: 'pointer' | 'focus', on: boolean) => {
    holding.current[part] = on;
    uiStore.getState().holdNotices(holding.current.pointer || holding.current.focus);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    // Focus moving between two notices' buttons stays within: keep holding.
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) hold('focus', false);
  };
  return (
    <div
      className="status-region"
      data-testid="status-region"
      onMouseEnter={() => hold('pointer', true)}
      onMouseLeave={() => hold('pointer', false)}
      onFocus={() => hold('focus', true)}
      onBlur={onBlur}
    >
      {/* The live region wraps the list: a role on the <ul> itself would take away its list
          semantics, leaving its items outside any list for assistive technology. */}
      <div role="alert" aria-label={t('ui.errors')}>
        <ul>
          {errors.map((n) => (
            <NoticeItem key={n.id} notice={n} />
          ))}
        </ul>
      </div>
      <p role="status" className="visually-hidden" data-testid="announcement">
        {announcement}
      </p>
      <div role="status" aria-label={t('ui.notices')}>
        <ul>
          {infos.map((n) => (
            <NoticeItem key={n.id} notice={n} />
          ))}
        </ul>
      </div>
    </div>
  );
}
