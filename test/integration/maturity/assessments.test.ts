import { SHIPPED_SETS } from '@backend/maturity/frameworks';
import type { AssessmentDetail } from '@shared/maturity/contract/assessments';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend, validClient, validSpecialist } from '../../support/backend';

/** Today is Tuesday 24 November 2026 (the sample's anchor day), 10:00 UTC; the clock moves a second per call. */
let now = Date.UTC(2026, 10, 24, 10, 0, 0);
const clock = () => {
  now += 1000;
  return new Date(now);
};

let b: TestBackend;
let clientId: string;
let specialistId: string;
const scalar = (sql: string, ...params: unknown[]) => (b.db.prepare(sql).get(...params) as { n: number }).n;

beforeEach(async () => {
  now = Date.UTC(2026, 10, 24, 10, 0, 0);
  b = openTestBackend({ clock });
  clientId = (await b.ok('clients.create', validClient)).id;
  specialistId = (await b.ok('specialists.create', { ...validSpecialist, skills: [] })).id;
});
afterEach(() => b.dispose());

const start = (over: Record<string, unknown> = {}) =>
  b.ok('assessments.create', {
    clientId,
    assessedOn: '2026-11-02',
    assessor: { kind: 'specialist', id: specialistId },
    frameworks: ['microsoft', 'google'],
    ...over,
  });

/** Answers yes to every criterion of the Microsoft levels 1…`upTo` of every dimension, nothing else. */
async function answerUpTo(d: AssessmentDetail, upTo: number) {
  const ms = d.set.frameworks.find((f) => f.key === 'microsoft');
  const ids = [...new Set(ms?.cells.filter((c) => c.level >= 1 && c.level <= upTo).flatMap((c) => c.criteria) ?? [])];
  if (ids.length === 0) return d;
  return b.ok('assessments.answer', { id: d.assessment.id, answers: ids.map((criterionId) => ({ criterionId, answer: 'yes' })) });
}

describe('framework versions', () => {
  it('ships the validated set and keeps the copy an assessment was made with, by content hash', async () => {
    const versions = await b.ok('maturity.frameworks', {});
    // 2026.2 measures the monitoring criteria, 2026.3 the retraining ones; the earlier stay beside it for the assessments made on them.
    expect(versions.map((v) => [v.ref, v.newest])).toEqual([
      ['keel-mlops@2026.3', true],
      ['keel-mlops@2026.2', false],
      ['keel-mlops@2026.1', false],
    ]);
    const newest = versions.find((v) => v.newest);
    expect(newest?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(newest?.hash).not.toBe(versions[1]?.hash);
    expect(newest?.frameworks.map((f) => f.key)).toEqual(['microsoft', 'google']);
    const first = await start();
    await start({ assessedOn: '2026-11-10' });
    expect(scalar('SELECT count(*) AS n FROM maturity_framework')).toBe(1);
    expect(first.assessment.frameworkHash).toBe(newest?.hash);
    // An older copy of the set (one criterion fewer, renamed) stays what its assessment reads, whatever the file says now.
    const shipped = SHIPPED_SETS[0]?.set;
    if (!shipped) throw new Error('no shipped set');
    const old = { ...shipped, version: '2025.9', name: 'An older edition', criteria: shipped.criteria.slice(1) };
    const hash = 'f'.repeat(64);
    b.db
      .prepare('INSERT INTO maturity_framework (hash, set_id, version, name, body, stored_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hash, old.id, old.version, old.name, JSON.stringify(old), '2025-09-01T00:00:00.000Z');
    b.db.prepare('UPDATE maturity_assessment SET framework_hash = ? WHERE id = ?').run(hash, first.assessment.id);
    const reread = await b.ok('assessments.get', { id: first.assessment.id });
    expect(reread.assessment.frameworkRef).toBe('keel-mlops@2025.9');
    expect(reread.set.criteria.length).toBe(shipped.criteria.length - 1);
    // An answer to the criterion the old copy does not hold is refused, naming the version.
    const missing = shipped.criteria[0]?.id ?? '';
    const refused = await b.call('assessments.answer', { id: first.assessment.id, answers: [{ criterionId: missing, answer: 'yes' }] });
    expect(refused.ok ? '' : refused.error.message).toContain('keel-mlops@2025.9');
  });
});

describe('an assessment from draft to final', () => {
  it('computes gated levels, names the blocker, finalises immutably and is corrected by a new one', async () => {
    const draft = await start({ notes: 'Workshop with the platform team' });
    let d = await answerUpTo(draft, 1);
    const ms = d.levels.find((l) => l.framework === 'microsoft');
    expect(ms?.dimensions.map((x) => x.level)).toEqual([1, 1, 1, 1]);
    expect(ms?.overall).toBe(1);
    const people = ms?.dimensions.find((x) => x.dimension === 'people');
    expect(people?.next?.level).toBe(2);
    expect(people?.next?.blockers.length).toBeGreaterThan(0);
    // Answer one level-2 criterion "partly": it blocks, named with its answer.
    const blocker = people?.next?.blockers[0]?.criterionId ?? '';
    d = await b.ok('assessments.answer', {
      id: draft.assessment.id,
      answers: [{ criterionId: blocker, answer: 'partly', evidence: 'Half the models', confidence: 'low' }],
    });
    const blocked = d.levels.find((l) => l.framework === 'microsoft')?.dimensions.find((x) => x.dimension === 'people');
    expect(blocked?.next?.blockers.find((x) => x.criterionId === blocker)?.answer).toBe('partly');
    expect(d.progress.answered).toBe(d.answers.length);

    const audits = scalar(
      "SELECT count(*) AS n FROM audit_log WHERE entity = 'maturity_assessment' AND entity_id = ?",
      draft.assessment.id,
    );
    expect(audits).toBe(3); // created, answered twice
    d = await b.ok('assessments.finalise', { id: draft.assessment.id });
    expect(d.assessment.status).toBe('final');
    expect(b.db.prepare('SELECT levels IS NOT NULL AS kept FROM maturity_assessment WHERE id = ?').get(draft.assessment.id)).toEqual({
      kept: 1,
    });
    // Nothing changes a final assessment, through Keel or behind its back.
    for (const refused of [
      await b.call('assessments.answer', { id: draft.assessment.id, answers: [{ criterionId: blocker, answer: 'yes' }] }),
      await b.call('assessments.delete', { id: draft.assessment.id }),
      await b.call('assessments.finalise', { id: draft.assessment.id }),
    ]) {
      expect(refused.ok ? '' : refused.error.message).toBe(
        'The assessment of 2 Nov 2026 is final and cannot change. To correct it, start a new assessment that cites it.',
      );
    }
    expect(() => b.db.prepare(`UPDATE maturity_answer SET answer = 'yes' WHERE assessment_id = ?`).run(draft.assessment.id)).toThrow(
      /immutable/,
    );

    const correction = await start({
      corrects: { assessmentId: draft.assessment.id, reason: 'The monitoring answers were for another client' },
    });
    expect(correction.answers.length).toBe(d.answers.length);
    expect(correction.assessment).toMatchObject({ correctsId: draft.assessment.id, status: 'draft' });
    expect((await b.ok('assessments.get', { id: draft.assessment.id })).correctedBy?.id).toBe(correction.assessment.id);
  });

  it('refuses a future date and deletes a draft with its answers, audited', async () => {
    const future = await b.call('assessments.create', {
      clientId,
      assessedOn: '2026-11-25',
      assessor: { kind: 'specialist', id: specialistId },
      frameworks: ['microsoft'],
    });
    expect(future.ok ? '' : future.error.message).toBe('An assessment cannot be in the future (today is 24 Nov 2026).');
    const d = await answerUpTo(await start(), 2);
    await b.ok('assessments.delete', { id: d.assessment.id });
    expect(scalar('SELECT count(*) AS n FROM maturity_answer')).toBe(0);
    expect(scalar("SELECT count(*) AS n FROM audit_log WHERE entity = 'maturity_assessment' AND action = 'delete'")).toBe(1);
  });
});

describe('the client overview', () => {
  it('compares current with previous and target, lists the next steps, and keeps the median for three clients or more', async () => {
    const first = await answerUpTo(await start({ assessedOn: '2026-03-02' }), 1);
    await b.ok('assessments.finalise', { id: first.assessment.id });
    const second = await answerUpTo(await start({ assessedOn: '2026-09-07' }), 2);
    await b.ok('assessments.finalise', { id: second.assessment.id });
    const refused = await b.call('maturity.setTarget', {
      clientId,
      framework: 'microsoft',
      dimension: 'people',
      level: 1,
      dueOn: '2027-06-30',
    });
    expect(refused.ok ? [] : refused.error.issues?.map((i) => i.path)).toEqual(['reason']);
    await b.ok('maturity.setTarget', { clientId, framework: 'microsoft', dimension: 'people', level: 4, dueOn: '2027-06-30' });
    const o = await b.ok('maturity.client', { clientId });
    expect([o.current?.assessmentId, o.previous?.assessmentId]).toEqual([second.assessment.id, first.assessment.id]);
    expect(o.trend.find((t) => t.dimension === 'people')?.points.map((p) => p.level)).toEqual([1, 2]);
    const gap = o.gaps[0];
    expect([gap?.dimension, gap?.current, gap?.target, gap?.gap]).toEqual(['people', 2, 4, 2]);
    expect(gap?.nextSteps[0]?.level).toBe(3);
    expect(o.comparison.find((c) => c.dimension === 'people')).toMatchObject({ yours: 2, median: null, clients: 0 });

    for (const [i, name] of ['Bravo AG', 'Charlie SA', 'Delta plc'].entries()) {
      const other = (await b.ok('clients.create', { ...validClient, name })).id;
      const d = await answerUpTo(await start({ clientId: other }), i);
      await b.ok('assessments.finalise', { id: d.assessment.id });
    }
    const compared = await b.ok('maturity.client', { clientId });
    expect(compared.comparison.find((c) => c.dimension === 'people')).toMatchObject({ yours: 2, median: 1, clients: 3 });
    const all = await b.ok('maturity.clients', {});
    expect(all.find((c) => c.clientId === clientId)).toMatchObject({
      finals: 2,
      change: [
        { framework: 'microsoft', by: 1 },
        { framework: 'google', by: 0 },
      ],
    });
  });
});

describe('checked against the portfolio (the sample dataset)', () => {
  it('flags the complete-card answer Thameside gave while its recommender in production has no complete card', async () => {
    // The sample loads into an empty database only.
    b.dispose();
    b = openTestBackend({ clock });
    await b.ok('sample.load', {});
    const thameside = (await b.ok('clients.list', {})).rows.find((c) => c.name === 'Thameside Retail plc')?.id ?? '';
    const o = await b.ok('maturity.client', { clientId: thameside });
    const card = o.crossChecks.find((c) => c.criterionId === 'doc.model_cards');
    expect(card?.verdict).toBe('contradicts');
    expect(card?.message).toBe('Answered yes; Keel shows 1 of 1 production model without a complete model card.');
    expect(card?.measurement.failing.map((m) => m.name)).toEqual(['Homepage product recommender']);
    expect(o.contradictions).toBe(o.crossChecks.filter((c) => c.verdict === 'contradicts').length);
    const readiness = await b.ok('maturity.readiness', { clientId: thameside });
    expect(readiness.lines.find((l) => l.item === 'growing_portfolio')?.computed).toBe(false);
    const saved = await b.ok('maturity.saveReadiness', { clientId: thameside, answers: { growing_portfolio: 'yes' } });
    expect(saved.lines.find((l) => l.item === 'growing_portfolio')).toMatchObject({ answer: 'yes', holds: true, disagrees: true });
  });
});
