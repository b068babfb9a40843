import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../../support/backend';

/** Each area's summary read model, composed by app.summaries, agrees with the area's own screens. */
let b: TestBackend;
beforeAll(async () => {
  b = openTestBackend({ clock: () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0)) });
  await b.ok('sample.load', {});
});
afterAll(() => b.dispose());

describe('app.summaries', () => {
  it('is empty of worries on an empty database', async () => {
    const empty = openTestBackend({ clock: () => new Date(Date.UTC(2026, 10, 24, 9, 0, 0)) });
    const summaries = await empty.ok('app.summaries', {});
    expect(summaries.map((s) => s.area)).toEqual([
      'plan',
      'continuity',
      'portfolio',
      'ownership',
      'monitoring',
      'ceremonies',
      'billing',
      'operations',
    ]);
    expect(summaries.every((s) => s.tone === 'ok' && s.items.every((i) => i.count === 0))).toBe(true);
    empty.dispose();
  });

  it('counts what the board, the radar, the staffing list and the month close show', async () => {
    const summaries = await b.ok('app.summaries', {});
    const byArea = Object.fromEntries(summaries.map((s) => [s.area, s]));
    const board = await b.ok('continuity.board', {});
    const breached = board.promises.filter((p) => p.clock.state === 'breached').length;
    const atRisk = board.promises.filter((p) => p.clock.state === 'at_risk').length;
    expect(byArea.continuity?.items).toMatchObject([
      { label: 'breached promises', count: breached, tone: 'critical' },
      { label: 'promises at risk', count: atRisk, tone: 'attention' },
    ]);
    expect(breached).toBeGreaterThan(0);
    expect(byArea.continuity?.tone).toBe('critical');

    const radar = await b.ok('plan.rollOff', {});
    const staffing = await b.ok('staffing.list', {});
    expect(byArea.plan?.items).toMatchObject([
      {
        label: 'overdue staffing requests',
        count: staffing.rows.filter((r) => r.clock.overdue).length,
        tone: 'critical',
        entry: 'staffing',
      },
      { label: 'roll-offs within 6 weeks', count: radar.rollOffs.length, tone: 'attention', entry: 'allocations' },
    ]);

    // October 2026 (the sample's last month) holds one approved and four open engagement-months; September is invoiced.
    const october = await b.ok('months.list', { month: '2026-10' });
    const openOctober = october.rows.filter((r) => r.status === 'open' && r.minutes > 0).length;
    const approvedOctober = october.rows.filter((r) => r.status === 'approved').length;
    expect(byArea.billing?.items).toMatchObject([
      { label: 'past months still open', count: openOctober, tone: 'attention' },
      { label: 'approved months not invoiced', count: approvedOctober, tone: 'attention' },
    ]);
    // The words agree with the count: one approved month, several open ones.
    expect(approvedOctober).toBe(1);
    expect(byArea.billing?.items.map((i) => i.words)).toEqual([`${openOctober} past months still open`, '1 approved month not invoiced']);

    // The graveyard across clients is what each client's page lists: five prototypes and pilots waiting over 90 days (the recommender left its pilot for production).
    const clients = await b.ok('clients.list', {});
    const buried = await Promise.all(clients.rows.map(async (c) => (await b.ok('portfolio.client', { clientId: c.id })).graveyard.length));
    expect(byArea.portfolio?.items).toMatchObject([
      { label: 'models in the prototype graveyard', count: buried.reduce((a, n) => a + n, 0), tone: 'attention' },
    ]);
    expect(byArea.portfolio?.items[0]?.words).toBe('5 models in the prototype graveyard');
    expect(byArea.portfolio?.tone).toBe('attention');

    // The ownership matrix's errors and warnings are the findings list's, across every engagement.
    const findings = await b.ok('ownership.findings', {});
    expect(byArea.ownership?.items).toMatchObject([
      { label: 'ownership errors', count: findings.counts.error, tone: 'critical' },
      { label: 'ownership warnings', count: findings.counts.warning, tone: 'attention' },
    ]);
    expect(findings.counts.error).toBeGreaterThan(0);
  });
});
