import { useEffect, useId, useRef } from 'react';
import { create } from 'zustand';
import './ui.css';

export type ConfirmRequest = {
  /** The question itself, short: “Issue the invoice for October 2026 of Credit risk?”. Names the dialog. */
  title: string;
  /** What follows from yes, when there is more to say. Describes the dialog. */
  message?: string;
  /** Says the action, never “OK”: “Issue invoice”, “Delete pause”. */
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for steps that destroy or are hard to take back: the button turns red and Cancel gets the focus. */
  tone?: 'default' | 'danger';
};

type Pending = { request: ConfirmRequest; resolve(yes: boolean): void; seq: number };

let asked = 0;

type ConfirmState = { pending: Pending | null; hosts: number };

/**
 * One question at a time, held in a store so that any code (a click handler, a
 * hook's async commit) can ask with `await askConfirm(…)` and one `<ConfirmHost/>`
 * (mounted in main.tsx; tests render it beside the screen) shows it.
 */
const useConfirmStore = create<ConfirmState>(() => ({ pending: null, hosts: 0 }));

/**
 * Asks a yes/no question in the app's own modal dialog (not window.confirm, which
 * blocks the page, cannot be styled or labelled and says “OK”). Resolves `true`
 * on the confirm button, `false` on Cancel or Escape. A newer question answers
 * an older open one with `false`.
 */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  const { pending, hosts } = useConfirmStore.getState();
  // A missing host would leave the promise open forever and the click silently dead: fail loudly instead.
  if (hosts === 0) return Promise.reject(new Error(`No <ConfirmHost/> is mounted to ask: ${request.title}`));
  pending?.resolve(false);
  return new Promise<boolean>((resolve) => {
    useConfirmStore.setState({ pending: { request, resolve, seq: ++asked } });
  });
}

/** The hook form of `askConfirm`, for components that prefer hooks. */
export function useConfirm(): typeof askConfirm {
  return askConfirm;
}

function answer(yes: boolean) {
  const { pending } = useConfirmStore.getState();
  if (!pending) return;
  useConfirmStore.setState({ pending: null });
  pending.resolve(yes);
}

/** Renders the open question, if any. Mount exactly one, once, near the root. */
export function ConfirmHost() {
  const pending = useConfirmStore((s) => s.pending);
  useEffect(() => {
    useConfirmStore.setState((s) => ({ hosts: s.hosts + 1 }));
    return () => useConfirmStore.setState((s) => ({ hosts: s.hosts - 1 }));
  }, []);
  return pending ? <ConfirmDialog key={pending.seq} request={pending.request} /> : null;
}

function ConfirmDialog({ request }: { request: ConfirmRequest }) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const danger = request.tone === 'danger';
  useEffect(() => {
    // Taken when the dialog appears rather than when asked: a question asked from a blur (leaving a
    // timesheet cell with Tab) goes back to where the user was going, not to the body.
    const opener = document.activeElement;
    (danger ? cancelRef : confirmRef).current?.focus();
    return () => {
      // Focus goes back to what asked (the Delete button), if it is still on the page.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [danger]);

  return (
    <div className="ui-overlay">
      <div
        className="ui-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={request.message ? `${id}-message` : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            answer(false);
          } else if (e.key === 'Tab') {
            // Modal: focus stays on the two buttons.
            const first = cancelRef.current;
            const last = confirmRef.current;
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <h2 className="ui-dialog__title" id={`${id}-title`}>
          {request.title}
        </h2>
        {request.message && (
          <p className="ui-dialog__message" id={`${id}-message`}>
            {request.message}
          </p>
        )}
        <div className="ui-dialog__actions">
          <button type="button" className="button" ref={cancelRef} onClick={() => answer(false)}>
            {request.cancelLabel ?? 'Cancel'}
          </button>
          <button
            type="button"
            className={`button ${danger ? 'ui-button--danger' : 'button--primary'}`}
            ref={confirmRef}
            onClick={() => answer(true)}
          >
            {request.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
