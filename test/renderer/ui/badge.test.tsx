import { CLOCK_BADGE } from '@renderer/features/continuity/clock';
import { Badge } from '@renderer/ui/Badge';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);

describe('Badge', () => {
  it('shows its words in the tone of the one status scale', () => {
    render(
      <Badge tone="attention" title="Past the urgent threshold">
        Urgent
      </Badge>,
    );
    const badge = screen.getByText('Urgent');
    expect(badge.className).toBe('ui-badge ui-badge--attention');
    expect(badge.title).toBe('Past the urgent threshold');
  });

  it('fills the tone when strong', () => {
    render(
      <Badge tone="critical" strong>
        Breached
      </Badge>,
    );
    expect(screen.getByText('Breached').className).toBe('ui-badge ui-badge--critical ui-badge--strong');
  });

  it('keeps urgent apart from at risk on the scale: the same tone, filled', () => {
    expect(CLOCK_BADGE.at_risk).toEqual({ tone: 'attention' });
    expect(CLOCK_BADGE.urgent).toEqual({ tone: 'attention', strong: true });
    expect(CLOCK_BADGE.breached).toEqual({ tone: 'critical', strong: true });
  });
});
