// The board toolbar's way into the charter. It also keeps this device's key on the roster while
// the workshop is open, since it lives exactly as long as the board does.
import type * as Y from 'yjs';
import { useHost } from '../../app/hostContext';
import { useRosterKey } from '../identity/useRosterKey';

export function CharterButton({ doc, onOpen }: { readonly doc: Y.Doc; readonly onOpen: () => void }) {
  useRosterKey(useHost(), doc);
  return (
    <button type="button" onClick={onOpen} data-testid="open-charter">
      Charter
    </button>
  );
}
