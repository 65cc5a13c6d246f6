// The sides' icons, beside their names wherever a side is shown, so a side never rests on its
// colour alone: a screen for IT, a gear for OT, a balance for Neutral (the facilitator's side).
// Decorative (aria-hidden): the side's name is always written next to it.
import type { Side } from '../../../shared/board';

const PATHS: Record<Side, string> = {
  // A monitor on its stand.
  IT: 'M2 3h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9.5v1.5H11V15H5v-1.5h1.5V12H2a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm.5 1.5v6h11v-6z',
  // A gear with eight teeth.
  OT: 'M6.9 1h2.2l.4 1.9 1.2.5 1.6-1.1 1.6 1.6-1.1 1.6.5 1.2 1.9.4v2.2l-1.9.4-.5 1.2 1.1 1.6-1.6 1.6-1.6-1.1-1.2.5-.4 1.9H6.9l-.4-1.9-1.2-.5-1.6 1.1-1.6-1.6 1.1-1.6-.5-1.2L.8 9.1V6.9l1.9-.4.5-1.2-1.1-1.6 1.6-1.6 1.6 1.1 1.2-.5zM8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  // A balance: a beam on a post with two pans.
  facilitator: 'M7.25 1h1.5v1.6l4.6 1.1-.2.8L15 9a2.3 2.3 0 0 1-4.6 0l2-4.2-3.65-.9V13.5H12V15H4v-1.5h3.25V3.9L3.6 4.8 5.6 9a2.3 2.3 0 0 1-4.6 0l2.1-4.5-.2-.8 4.35-1z',
};

export function SideIcon({ side }: { readonly side: Side }) {
  return (
    <svg className="side-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-side-icon={side}>
      <path fill="currentColor" fillRule="evenodd" d={PATHS[side]} />
    </svg>
  );
}
