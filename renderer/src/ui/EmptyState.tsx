import type { ReactNode } from 'react';
import './ui.css';

/**
 * What a list shows instead of rows: a title that says what is missing, a line on why
 * or what to do, and optionally the action that fills it ("New client", "Clear filters").
 */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="ui-empty" role="status">
      <p className="ui-empty__title">{title}</p>
      {children ? <p className="ui-empty__text">{children}</p> : null}
      {action ? <div className="ui-empty__action">{action}</div> : null}
    </div>
  );
}
