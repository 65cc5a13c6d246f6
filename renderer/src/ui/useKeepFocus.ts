// Keeps the keyboard focus in a part of the page when the control that had it goes away or is
// disabled by the action it started ("Sign" becomes "You signed", "Reveal votes" ends the round,
// "Apply quorum" hides itself). The browser would drop the focus on the page's body, and a
// keyboard or screen-reader user would lose their place. After each update, if the focus was in
// `scope` and is now nowhere (or on a disabled control), it goes to the first control in
// `target` (default: `scope`), or to `target` itself when it holds none.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])';

export function useKeepFocus(scope: RefObject<HTMLElement | null>, target: RefObject<HTMLElement | null> = scope): void {
  const inside = useRef(false);
  // Heard on the document: `scope` may mount after this hook's component (a group shown later).
  useEffect(() => {
    const within = (node: EventTarget | null) => node instanceof Node && scope.current?.contains(node) === true;
    // Focus moving anywhere says where it is; focus dropped on the body fires no focusin, so
    // `inside` still says where it was. A pointer pressed elsewhere is the user's own move.
    const onFocusIn = (event: FocusEvent) => {
      inside.current = within(event.target);
    };
    const onPointer = (event: PointerEvent) => {
      if (!within(event.target)) inside.current = false;
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [scope]);
  // After every update of the component that holds `scope`.
  useLayoutEffect(() => {
    if (!inside.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && !active.matches(':disabled')) return;
    const to = target.current;
    if (!to) return;
    const next = to.querySelector<HTMLElement>(FOCUSABLE);
    if (next) return next.focus();
    if (!to.hasAttribute('tabindex')) to.setAttribute('tabindex', '-1');
    to.focus();
  });
}
