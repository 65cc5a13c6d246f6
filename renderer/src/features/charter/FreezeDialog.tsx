// Confirming a freeze: the version number, what changed since the last version (or what the
// first one holds), and the quorum it freezes with, before everyone is asked to sign it.
import { charterWords } from '../../../../shared/charter';
import type { PreparedFreeze } from './charterActions';
import { Dialog } from '../../ui/Dialog';
import { VersionDiff } from './VersionDiff';

export function FreezeDialog({ prepared, onConfirm, onCancel }: { readonly prepared: PreparedFreeze; readonly onConfirm: () => void; readonly onCancel: () => void }) {
  const { charter } = prepared.frozen;
  const items = charter.content.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <Dialog title={`Freeze version ${charter.version}?`} onClose={onCancel} testId="freeze-dialog">
      <p>Everyone on its roster will be asked to sign version {charter.version}. A frozen version never changes; a correction needs another version.</p>
      {prepared.diff && prepared.previous ? (
        <VersionDiff diff={prepared.diff} from={prepared.previous.charter.version} />
      ) : (
        <p>
          The first version: {items} agreed item{items === 1 ? '' : 's'}, {charter.roster.length} people on the roster.
        </p>
      )}
      {charter.language && <p data-testid="freeze-language">Document language: {charterWords(charter.language).name}</p>}
      {charter.quorum.reducedReason && (
        <p className="reduced-quorum" role="note">
          Reduced quorum, frozen with this reason: “{charter.quorum.reducedReason}”
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm} data-testid="confirm-freeze">
          Freeze version {charter.version}
        </button>
      </div>
    </Dialog>
  );
}
