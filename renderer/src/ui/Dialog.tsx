// A modal dialog on <dialog>, opened non-modally (show(), not showModal()) with aria-modal, a
// backdrop, our own focus trap and Escape. Why not showModal(): making the rest of the page
// inert restyles every element, which costs 100+ ms on a 2,000-card board (bench/renderBench).
// Focus goes to the first field on open and back to the opener on close. An opener that is gone
// by then (the room's "Open room" becomes "Invite" once the room is open) hands it to the first
// control where the opener was; a dialog nobody opened (the first-run profile) hands it to the
// page's content (App's #content), so the next Tab starts there rather than nowhere.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
  readonly role?: 'dialog' | 'alertdialog';
}

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

function focusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
}

export function Dialog({ title, onClose, children, testId, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const openerPlace = opener?.parentElement ?? null;
    dialog.show();
    const initial = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(dialog)[0];
    initial?.focus();
    // Escape is heard on the whole document, by the topmost open dialog only (one opened from
    // another comes later in the tree): a button disabled while it works, or a native file
    // picker, can leave the focus on the page's body, and Escape must still close the dialog.
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const open = document.querySelectorAll('dialog[open]');
      if (open[open.length - 1] !== dialog) return;
      event.preventDefault();
      event.stopPropagation();
      closeRef.current();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const all = focusables(dialog);
      const first = all[0];
      const last = all[all.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that escapes anyway (a click on the backdrop) is brought back.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) focusables(dialog)[0]?.focus();
    };
    dialog.addEventListener('keydown', onKeyDown);
    document.addEventListener('keydown', onEscape);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      dialog.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keydown', onEscape);
      document.removeEventListener('focusin', onFocusIn);
      dialog.close();
      const back = opener?.isConnected ? opener : openerPlace?.isConnected ? focusables(openerPlace)[0] : undefined;
      (back ?? document.getElementById('content'))?.focus();
    };
  }, []);

  return (
    <>
      <div className="dialog-backdrop" aria-hidden="true" />
      <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-modal="true" role={role} data-testid={testId}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </dialog>
    </>
  );
}
