// Where errors and confirmations are announced: errors in an alert region (read out at once),
// other notices in a polite status region. Each can be dismissed.
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
  return (
    <div className="status-region">
      <ul role="alert" aria-label={t('ui.errors')}>
        {errors.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </ul>
      <p role="status" className="visually-hidden" data-testid="announcement">
        {announcement}
      </p>
      <ul role="status" aria-label={t('ui.notices')}>
        {infos.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </ul>
    </div>
  );
}
