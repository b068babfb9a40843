import { approvalsStandingAt, championsAt, overlappingChampion, overlaps } from '@shared/portfolio/rules/deployments';
import { describe, expect, it } from 'vitest';

const d = (id: string, from: string, to: string | null, over: Record<string, string> = {}) => ({
  id,
  modelId: 'm1',
  versionId: `v-${id}`,
  environmentId: 'prod',
  alias: 'champion' as const,
  from,
  to,
  ...over,
});

describe('alias spans', () => {
  it('overlap when they share an instant; a span ends before its end instant', () => {
    expect(overlaps({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, { from: '2026-02-01T00:00:00Z', to: null })).toBe(false);
    expect(overlaps({ from: '2026-01-01T00:00:00Z', to: null }, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).toBe(true);
  });

  it('refuse a second champion of a model in one environment over the same time, never in another environment or alias', () => {
    const existing = [d('a', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), d('b', '2026-02-01T00:00:00Z', null)];
    const next = {
      modelId: 'm1',
      versionId: 'v',
      environmentId: 'prod',
      alias: 'champion' as const,
      from: '2026-01-15T00:00:00Z',
      to: '2026-01-20T00:00:00Z',
    };
    expect(overlappingChampion(existing, next)?.id).toBe('a');
    expect(overlappingChampion(existing, { ...next, environmentId: 'staging' })).toBeNull();
    expect(overlappingChampion(existing, { ...next, alias: 'challenger' })).toBeNull();
    expect(overlappingChampion(existing, { ...next, from: '2026-03-01T00:00:00Z', to: null })?.id).toBe('b');
  });
});

describe('as of an instant', () => {
  const history = [
    d('v1', '2026-03-10T08:00:00Z', '2026-07-01T06:00:00Z'),
    d('v2', '2026-07-01T06:00:00Z', '2026-07-03T14:30:00Z'),
    d('v1b', '2026-07-03T14:30:00Z', null),
    d('chal', '2026-06-02T08:00:00Z', '2026-07-01T06:00:00Z', { alias: 'challenger' }),
    d('stage', '2026-01-01T00:00:00Z', null, { environmentId: 'staging' }),
    d('other', '2026-01-01T00:00:00Z', null, { modelId: 'm2' }),
  ];
  const prod = new Set(['prod']);

  it('names the production champion of each model, the boundary instant going to the newer one', () => {
    const at = (t: string) => championsAt(history, prod, t).get('m1')?.id ?? null;
    expect(at('2026-03-10T07:59:59Z')).toBeNull();
    expect(at('2026-03-10T08:00:00Z')).toBe('v1');
    expect(at('2026-07-01T06:00:00Z')).toBe('v2');
    expect(at('2026-07-03T14:29:59Z')).toBe('v2');
    expect(at('2026-07-03T14:30:00Z')).toBe('v1b');
    expect(championsAt(history, prod, '2026-05-01T00:00:00Z').get('m2')?.id).toBe('other');
  });

  it('keeps the approvals that stood then: decided by that day, withdrawn by a later rejection', () => {
    const approvals = [
      { decision: 'approved', decidedOn: '2026-03-02' },
      { decision: 'rejected', decidedOn: '2026-08-01' },
    ];
    expect(approvalsStandingAt(approvals, '2026-03-01T12:00:00Z')).toEqual([]);
    expect(approvalsStandingAt(approvals, '2026-05-01T00:00:00Z')).toHaveLength(1);
    expect(approvalsStandingAt(approvals, '2026-08-01T00:00:00Z')).toEqual([]);
  });
});
