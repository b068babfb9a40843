import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The side panel that holds a create/edit form beside the list it belongs to.
 * Escape closes it unless focus is in another control (Escape in the list's
 * search box must not throw away a half-filled form).
 */
export function Drawer({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const active = document.activeElement;
      const focusElsewhere = active && active !== document.body && !panel.current?.contains(active);
      if (e.key === 'Escape' && !focusElsewhere) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="drawer" aria-label={title} ref={panel}>
      <header className="drawer__header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="drawer__body">{children}</div>
    </aside>
  );
}
