// What a pin is called in the reader's language: a pin that marks the start of a built-in phase
// still titled as shipped (shared/history phasePinId) is worded from the catalog, as the
// facilitation bar words that phase; any other pin shows the label it was given.
import { pinnedPhase, type HistoryPin } from '../../../../shared/history';
import type { Translate } from '../../core/i18n';
import { builtInPhaseTitle } from '../facilitation';

export function pinLabel(t: Translate, pin: Pick<HistoryPin, 'id' | 'label'>): string {
  const phaseId = pinnedPhase(pin);
  const title = phaseId === null ? null : builtInPhaseTitle(t, phaseId);
  return title === null ? pin.label : t('session.phasePin', { title });
}
