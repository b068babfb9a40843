import { type ReactNode, useEffect } from 'react';

/** The side panel that holds a create/edit form beside the list it belongs to. Escape closes it. */
export function Drawer({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="drawer" aria-label={title}>
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
