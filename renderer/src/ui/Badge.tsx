import type { ReactNode } from 'react';
import './ui.css';

/**
 * The one status scale every badge is drawn from: each area maps its own states
 * onto it (an allocation's “Tentative” is attention, an invoice's “Issued” is ok),
 * so a colour means the same thing on every screen.
 */
export type StatusTone = 'ok' | 'info' | 'attention' | 'critical' | 'neutral';

type Props = {
  tone: StatusTone;
  /** Filled with the tone's colour, for the sharpest state of a scale (breached, urgent). */
  strong?: boolean;
  title?: string;
  children: ReactNode;
};

/** A short status word or count; the words carry the meaning, the colour only helps. */
export function Badge({ tone, strong = false, title, children }: Props) {
  return (
    <span className={`ui-badge ui-badge--${tone}${strong ? ' ui-badge--strong' : ''}`} title={title}>
      {children}
    </span>
  );
}
