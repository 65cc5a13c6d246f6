// Confirming a freeze: the version number, what changed since the last version (or what the
// first one holds), and the quorum it freezes with, before everyone is asked to sign it.
import { charterWords } from '../../../../shared/charter';
import { useT } from '../../core/i18n';
import type { PreparedFreeze } from './charterActions';
import { Dialog } from '../../ui/Dialog';
import { VersionDiff } from './VersionDiff';

export function FreezeDialog({ prepared, onConfirm, onCancel }: { readonly prepared: PreparedFreeze; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const t = useT();
  const { charter } = prepared.frozen;
  const items = charter.content.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <Dialog title={t('charter.freeze.title', { version: charter.version })} onClose={onCancel} testId="freeze-dialog">
      <p>{t('charter.freeze.explain', { version: charter.version })}</p>
      {prepared.diff && prepared.previous ? (
        <VersionDiff diff={prepared.diff} from={prepared.previous.charter.version} charters={[charter, prepared.previous.charter]} />
      ) : (
        <p>{t('charter.freeze.first', { items, people: charter.roster.length })}</p>
      )}
      {charter.language && <p data-testid="freeze-language">
          {t.rich('charter.freeze.language', {
            language: (
              <span lang={charter.language} translate="no">
                {charterWords(charter.language).name}
              </span>
            ),
          })}
        </p>}
      {charter.quorum.reducedReason && (
        <p className="reduced-quorum" role="note">
          {t('charter.freeze.reduced', { reason: charter.quorum.reducedReason })}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm} data-testid="confirm-freeze">
          {t('charter.freeze.confirm', { version: charter.version })}
        </button>
      </div>
    </Dialog>
  );
}
