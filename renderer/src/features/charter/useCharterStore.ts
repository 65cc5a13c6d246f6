// A charter store for the open doc, following it while the component that shows it is mounted
// (subscribed in an effect, so React's development double-mount cannot leave it detached).
import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { createCharterStore, type CharterStore } from './charterStore';

export function useCharterStore(doc: Y.Doc): CharterStore {
  const store = useMemo(() => createCharterStore(doc), [doc]);
  useEffect(() => store.connect(), [store]);
  return store;
}
