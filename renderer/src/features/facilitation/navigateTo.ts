// Takes this peer to a section or card of the board (bring everyone here, follow): scrolls it
// into view and focuses it, so keyboard and screen-reader users land there too.
import type { SectionId } from '../../../../shared/board';

export function navigateTo(section: SectionId, cardId: string | null): void {
  requestAnimationFrame(() => {
    const card = cardId ? document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"] [data-control="edit"]`) : null;
    const column = document.querySelector<HTMLElement>(`[data-testid="section-${section}"]`);
    const target = card ?? column?.querySelector<HTMLElement>('h2') ?? null;
    if (!target) return;
    if (target.tagName === 'H2' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'nearest', inline: 'center', behavior: 'smooth' });
    // Not a dialog's field: someone typing in the card editor keeps their place.
    if (!document.activeElement?.closest('dialog')) target.focus({ preventScroll: true });
    column?.setAttribute('data-brought', String(Date.now()));
  });
}
