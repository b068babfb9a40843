import { MONTH_LIST_FIELDS } from '@shared/billing/contract/billing';
import { CLIENT_LIST_FIELDS } from '@shared/clients/contract/clients';
import { ENGAGEMENT_LIST_FIELDS } from '@shared/clients/contract/engagements';
import { SPECIALIST_LIST_FIELDS } from '@shared/clients/contract/specialists';
import { MODEL_LIST_FIELDS } from '@shared/portfolio/contract/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../../support/backend';

/**
 * List and timeline answers carry what their screens show and nothing more: the
 * record pages ask the get procedures for the rest. At five years of data these
 * answers are what every list screen waits for, so a field added to a record does
 * not silently travel with every row.
 */

let b: TestBackend;
beforeAll(async () => {
  let tick = 0;
  const at = Date.parse('2026-11-24T10:00:00.000Z');
  b = openTestBackend({ clock: () => new Date(at + tick++ * 1000) });
  await b.ok('sample.load');
});
afterAll(() => b.dispose());

const sorted = (keys: readonly string[]) => [...keys].sort();
/** The distinct key sets of the rows: one set when every row has the same fields. */
const keySets = (rows: readonly object[]) =>
  [...new Set(rows.map((r) => JSON.stringify(sorted(Object.keys(r)))))].map((k) => JSON.parse(k));

describe('list procedures answer with exactly the listed fields', () => {
  it('clients.list: the list fields, every row, archived ones too', async () => {
    const { rows } = await b.ok('clients.list', { archived: 'all', sort: 'name', direction: 'asc' });
    expect(rows.length).toBeGreaterThan(2);
    expect(keySets(rows)).toEqual([sorted(CLIENT_LIST_FIELDS)]);
    // The record page still gets the whole record.
    const client = await b.ok('clients.get', { id: rows[0]?.id ?? '' });
    expect(Object.keys(client)).toEqual(expect.arrayContaining(['notes', 'vatBasisPoints', 'createdAt']));
  });

  it('engagements.list: the list fields, with or without a search', async () => {
    for (const input of [
      { archived: 'all', sort: 'clientName', direction: 'asc' },
      { archived: 'active', sort: 'startDate', direction: 'asc', search: 'platform' },
    ] as const) {
      const { rows } = await b.ok('engagements.list', input);
      expect(rows.length).toBeGreaterThan(0);
      expect(keySets(rows)).toEqual([sorted(ENGAGEMENT_LIST_FIELDS)]);
    }
    const { rows } = await b.ok('engagements.list', { archived: 'all', sort: 'name', direction: 'asc' });
    const engagement = await b.ok('engagements.get', { id: rows[0]?.id ?? '' });
    expect(Object.keys(engagement)).toEqual(expect.arrayContaining(['contractNotes', 'createdAt', 'updatedAt', 'clientName']));
  });

  it('models.list: the list fields, filtered or not; the model page gets the rest', async () => {
    for (const input of [{}, { stage: 'pilot', search: 'forecast' }] as const) {
      const { rows } = await b.ok('models.list', input);
      expect(rows.length).toBeGreaterThan(0);
      expect(keySets(rows)).toEqual([sorted(MODEL_LIST_FIELDS)]);
    }
    const { rows } = await b.ok('models.list', {});
    const model = await b.ok('models.get', { id: rows[0]?.id ?? '' });
    expect(Object.keys(model)).toEqual(expect.arrayContaining(['useCase', 'transitions', 'daysPerStage', 'repositoryLink']));
  });

  it('specialists.list: the list fields; skills are a list', async () => {
    const { rows } = await b.ok('specialists.list', { archived: 'all', sort: 'fullName', direction: 'asc' });
    expect(rows.length).toBeGreaterThan(10);
    expect(keySets(rows)).toEqual([sorted(SPECIALIST_LIST_FIELDS)]);
    expect(rows.every((s) => Array.isArray(s.skills))).toBe(true);
    const specialist = await b.ok('specialists.get', { id: rows[0]?.id ?? '' });
    expect(Object.keys(specialist)).toEqual(expect.arrayContaining(['startDate', 'dailyMinutes', 'homeSubdivision']));
  });

  it('months.list: the list fields; the review still says who approved a month and when', async () => {
    const { rows } = await b.ok('months.list', { month: '2026-10' });
    expect(rows.length).toBeGreaterThan(2);
    expect(keySets(rows)).toEqual([sorted(MONTH_LIST_FIELDS)]);
    const approved = rows.find((r) => r.status !== 'open');
    expect(approved).toBeDefined();
    const review = await b.ok('months.review', { engagementId: approved?.engagementId ?? '', month: '2026-10' });
    expect(review.state.approvedAt).toEqual(expect.any(String));
  });

  it('plan.timeline: compact rows, each engagement named once, every bar’s engagement among them', async () => {
    const timeline = await b.ok('plan.timeline', { from: '2026-11-23', periods: 26 });
    expect(sorted(Object.keys(timeline))).toEqual(['clients', 'engagements', 'periods', 'placeholders', 'rows', 'today']);
    expect(keySets(timeline.rows)).toEqual([
      sorted(['specialistId', 'fullName', 'role', 'capacityMinutes', 'utilisation', 'allocations', 'absences', 'flags']),
    ]);
    const bars = timeline.rows.flatMap((r) => r.allocations);
    expect(bars.length).toBeGreaterThan(10);
    expect(keySets(bars)).toEqual([sorted(['id', 'engagementId', 'startDate', 'endDate', 'loadPercent', 'status'])]);
    expect(keySets(timeline.rows.flatMap((r) => r.absences))).toEqual([sorted(['id', 'kind', 'startDate', 'endDate'])]);
    expect(keySets(timeline.rows.flatMap((r) => r.flags))).toEqual([sorted(['severity', 'message'])]);
    expect(keySets(timeline.engagements)).toEqual([sorted(['id', 'name', 'clientId'])]);

    const named = timeline.engagements.map((e) => e.id);
    expect(new Set(named).size).toBe(named.length);
    expect(sorted(named)).toEqual(sorted([...new Set(bars.map((a) => a.engagementId))]));
    // Each engagement's client is in the colour key.
    const clients = new Set(timeline.clients.map((c) => c.id));
    expect(timeline.engagements.every((e) => clients.has(e.clientId))).toBe(true);
  });
});
