import { readFileSync } from 'node:fs';
import { type FrameworkSet, frameworkSetProblems, frameworkSetSchema } from '@shared/maturity/rules/framework';
import { MEASURES, SECTIONS } from '@shared/maturity/rules/vocabulary';
import { describe, expect, it } from 'vitest';

const raw: unknown = JSON.parse(readFileSync(new URL('../../../resources/maturity/keel-mlops-2026.3.json', import.meta.url), 'utf8'));
const previous: unknown = JSON.parse(readFileSync(new URL('../../../resources/maturity/keel-mlops-2026.2.json', import.meta.url), 'utf8'));
const SET = frameworkSetSchema.parse(raw);

const framework = (set: FrameworkSet, key: FrameworkSet['frameworks'][number]['key']) => {
  const f = set.frameworks.find((x) => x.key === key);
  if (!f) throw new Error(`no framework ${key}`);
  return f;
};

/** A deep copy to break on purpose. */
const copy = (): FrameworkSet => structuredClone(SET);

describe('the shipped framework set keel-mlops-2026.3', () => {
  it('parses and holds together', () => {
    expect(SET.id).toBe('keel-mlops');
    expect(SET.version).toBe('2026.3');
    expect(frameworkSetProblems(SET)).toEqual([]);
  });

  it('has about sixty criteria over the seven sections, in vocabulary order, each section with at least six', () => {
    expect(SET.criteria.length).toBeGreaterThanOrEqual(56);
    expect(SET.criteria.length).toBeLessThanOrEqual(64);
    expect(SET.sections.map((s) => s.key)).toEqual([...SECTIONS]);
    for (const s of SECTIONS) {
      const n = SET.criteria.filter((c) => c.section === s).length;
      expect(n, s).toBeGreaterThanOrEqual(6);
      expect(n, s).toBeLessThanOrEqual(11);
    }
  });

  it('names each criterion with its section prefix', () => {
    const prefix: Record<(typeof SECTIONS)[number], string> = {
      documentation: 'doc',
      traceability: 'trace',
      code_quality: 'code',
      monitoring: 'mon',
      data_pipelines: 'data',
      explainability: 'explain',
      experimentation: 'ab',
    };
    for (const c of SET.criteria) expect(c.id.startsWith(`${prefix[c.section]}.`), c.id).toBe(true);
  });

  it('carries exactly one criterion per measure Keel can compute', () => {
    // rollbacks_approved took over trace.rollback from rollback_possible (which the 2026.2 copies still measure).
    const current = MEASURES.filter((m) => m !== 'rollback_possible');
    for (const m of current) expect(SET.criteria.filter((c) => c.measure === m).length, m).toBe(1);
    expect(SET.criteria.filter((c) => c.measure !== null).length).toBe(current.length);
    const measured = Object.fromEntries(SET.criteria.filter((c) => c.measure).map((c) => [c.id, c.measure]));
    expect(measured).toEqual({
      'trace.versioned_lineage': 'lineage',
      'trace.release_approval': 'approved_releases',
      'doc.ownership': 'ownership_documented',
      'doc.model_cards': 'model_cards',
      'trace.rollback': 'rollbacks_approved',
      'mon.availability_slo': 'slo_coverage',
      'mon.performance': 'monitored_recently',
      'mon.drift': 'drift_watched',
      'mon.retraining_triggers': 'retraining_triggers',
      'data.continuous_training': 'retrained_on_cadence',
    });
  });

  it('differs from 2026.2 only in its version and the three retraining criteria it now measures', () => {
    const old = previous as { version: string; name: string; criteria: { id: string; measure: string | null }[] };
    const now = raw as typeof old;
    expect(old.version).toBe('2026.2');
    const unmeasured = {
      ...now,
      version: old.version,
      name: old.name,
      criteria: now.criteria.map((c) =>
        c.id === 'trace.rollback'
          ? { ...c, measure: 'rollback_possible' }
          : c.id === 'mon.retraining_triggers' || c.id === 'data.continuous_training'
            ? { ...c, measure: null }
            : c,
      ),
    };
    expect(unmeasured).toEqual(old);
  });

  it('maps Microsoft as five levels by four dimensions and Google as three levels by one', () => {
    const ms = framework(SET, 'microsoft');
    expect(ms.levels.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
    expect(ms.dimensions.map((d) => d.key)).toEqual(['people', 'model_creation', 'model_release', 'application_integration']);
    expect(ms.cells).toHaveLength(20);
    const google = framework(SET, 'google');
    expect(google.levels.map((l) => l.level)).toEqual([0, 1, 2]);
    expect(google.dimensions.map((d) => d.key)).toEqual(['automation']);
    expect(google.cells).toHaveLength(3);
    for (const cell of google.cells.filter((c) => c.level > 0)) expect(cell.criteria.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a level shown by a single criterion', () => {
    const set = copy();
    const cell = framework(set, 'microsoft').cells.find((c) => c.level === 2);
    if (!cell) throw new Error('no level-2 cell');
    cell.criteria = cell.criteria.slice(0, 1);
    expect(frameworkSetProblems(set).some((p) => p.includes('at least two criteria'))).toBe(true);
  });

  it('refuses a criterion that is not declared', () => {
    const set = copy();
    const cell = framework(set, 'google').cells.find((c) => c.level === 1);
    if (!cell) throw new Error('no level-1 cell');
    cell.criteria.push('doc.nonexistent');
    expect(frameworkSetProblems(set).some((p) => p.includes('doc.nonexistent is not declared'))).toBe(true);
  });
});
