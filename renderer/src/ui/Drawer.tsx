import { whenDiscarded } from '@renderer/app/stores';
import { type ReactNode, useEffect, useRef } from 'react';
import './ui.css';

/** Controls a user operates; regions that take focus only to be skipped to (`tabindex="-1"`, the main region) are not. */
const FOCUSABLE =
  'button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Whether focus sits on a control, rather than on the body or on a region a click in plain text focused. */
function isControl(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && element.matches(FOCUSABLE);
}

/** The control that stands for what a user clicked or moved to: itself, or a row's first control (rows are not focusable). */
function controlFor(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const own = target.closest<HTMLElement>(FOCUSABLE);
  if (own) return own;
  return target.closest('tr, li')?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

/**
 * The side panel that holds a record (its form, its history) beside the list
 * it belongs to.
 * - Focus moves into it when it opens, and back to the row or button that
 *   opened it when it closes (the last control used outside it: clicking
 *   another row while it is open makes that row the one to return to).
 * - Escape closes it from anywhere inside it, and also when no control has
 *   focus (the body, the main region: a read-only drawer opened with the
 *   mouse); Escape in another control (the list's search box) or in a dialog
 *   above it leaves it open.
 * - Unsaved changes ask, in the app's own dialog, before they are thrown away.
 */
export function Drawer({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const panel = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const active = document.activeElement;
    opener.current = isControl(active) ? active : lastPointer;
    const own = panel.current;
    // A form that focuses its own first field keeps it; otherwise the panel itself takes focus.
    if (own && !own.contains(document.activeElement)) own.focus({ preventScroll: true });
    const outside = (target: EventTarget | null) => target instanceof Node && !own?.contains(target) && !isDialog(target);
    const onPointer = (e: Event) => {
      if (outside(e.target)) opener.current = controlFor(e.target) ?? opener.current;
    };
    const onFocus = (e: FocusEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (outside(target) && isControl(target)) opener.current = target;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const focus = document.activeElement;
      // On the body or a region (no control has focus) counts as in the drawer: nothing else would take the key.
      const inside = !isControl(focus) || Boolean(own?.contains(focus));
      if (!inside) return;
      e.preventDefault();
      whenDiscarded(() => close.current());
    };
    document.addEventListener('pointerdown', onPointer, true);
    document.addEventListener('focusin', onFocus);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      document.removeEventListener('focusin', onFocus);
      window.removeEventListener('keydown', onKey);
      const back = opener.current;
      // Only when focus was in the drawer (or lost with it): a click elsewhere that closed it keeps its own focus.
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || !focus.isConnected || Boolean(own?.contains(focus));
      if (lost && back?.isConnected) back.focus({ preventScroll: true });
    };
  }, []);

  return (
    <aside className="drawer" aria-label={title} ref={panel} tabIndex={-1}>
      <header className="drawer__header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => whenDiscarded(() => close.current())}>
          ×
        </button>
      </header>
      <div className="drawer__body">{children}</div>
    </aside>
  );
}

function isDialog(node: Node): boolean {
  return node instanceof Element && node.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

/** The control the last mouse press landed on: what opened a drawer when focus stayed on the body. */
let lastPointer: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', (e) => (lastPointer = controlFor(e.target)), true);
  // A keyboard user opened whatever comes next; an old click must not claim it.
  document.addEventListener('keydown', () => (lastPointer = null), true);
}
