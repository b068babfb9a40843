import { type FrameworkSet, frameworkSetProblems, frameworkSetSchema } from '@shared/maturity/rules/framework';
import { SECTIONS } from '@shared/maturity/rules/vocabulary';
import { describe, expect, it } from 'vitest';
import { SET } from './fixtures';

/** A deep copy of the fixture to break on purpose. */
const copy = (): FrameworkSet => structuredClone(SET);

const cell = (set: FrameworkSet, framework: number, dimension: string, level: number) => {
  const found = set.frameworks[framework]?.cells.find((c) => c.dimension === dimension && c.level === level);
  if (!found) throw new Error(`no cell ${dimension} ${level}`);
  return found;
};

describe('the hand-worked fixture', () => {
  it('parses unchanged and holds together', () => {
    expect(frameworkSetSchema.parse(SET)).toEqual(SET);
    expect(frameworkSetProblems(SET)).toEqual([]);
  });

  it('is as small as described: every section, eleven criteria, two measured', () => {
    expect(SET.sections.map((s) => s.key)).toEqual([...SECTIONS]);
    for (const s of SECTIONS) expect(SET.criteria.some((c) => c.section === s)).toBe(true);
    expect(SET.criteria).toHaveLength(11);
    expect(SET.criteria.filter((c) => c.measure !== null).map((c) => [c.id, c.measure])).toEqual([
      ['a2', 'lineage'],
      ['b1', 'approved_releases'],
    ]);
    expect(SET.frameworks.map((f) => [f.key, f.levels.length, f.dimensions.length])).toEqual([
      ['microsoft', 3, 2],
      ['google', 3, 1],
    ]);
  });
});

describe('what the schema cannot say, said in words', () => {
  it('a criterion declared twice', () => {
    const set = copy();
    set.criteria.push({ ...structuredClone(SET.criteria[0] as FrameworkSet['criteria'][number]), title: 'Again' });
    expect(frameworkSetProblems(set)).toEqual(['The criterion a1 is declared twice.']);
  });

  it('criteria on level 0', () => {
    const set = copy();
    cell(set, 0, 'people', 0).criteria = ['a1'];
    expect(frameworkSetProblems(set)).toEqual(['MS, people level 0: level 0 is where everyone starts and takes no criteria.']);
  });

  it('a level shown by a single criterion, or by one criterion listed twice', () => {
    const set = copy();
    cell(set, 1, 'automation', 2).criteria = ['e1'];
    expect(frameworkSetProblems(set)).toEqual(['G, automation level 2: needs at least two criteria that show it.']);
    const twice = copy();
    cell(twice, 1, 'automation', 2).criteria = ['e1', 'e1'];
    expect(frameworkSetProblems(twice)).toEqual(['G, automation level 2: needs at least two criteria that show it.']);
  });

  it('a criterion the set does not declare', () => {
    const set = copy();
    cell(set, 0, 'people', 1).criteria.push('zz');
    expect(frameworkSetProblems(set)).toEqual(['MS, people level 1: the criterion zz is not declared.']);
  });

  it('a missing cell', () => {
    const set = copy();
    const ms = set.frameworks[0];
    if (!ms) throw new Error('fixture');
    ms.cells = ms.cells.filter((c) => !(c.dimension === 'release' && c.level === 2));
    expect(frameworkSetProblems(set)).toEqual(['MS: release level 2 has no descriptor.']);
  });

  it('levels out of order', () => {
    const set = copy();
    const g = set.frameworks[1];
    if (!g) throw new Error('fixture');
    g.levels = [g.levels[0], g.levels[2], g.levels[1]] as FrameworkSet['frameworks'][number]['levels'];
    expect(frameworkSetProblems(set)).toEqual([
      'G: the levels must run 0, 1, 2… in order (found 2 at place 2).',
      'G: the levels must run 0, 1, 2… in order (found 1 at place 3).',
    ]);
  });

  it('a criterion no framework uses', () => {
    const set = copy();
    set.criteria.push({ id: 'orphan', section: 'monitoring', title: 'Orphan', descriptor: 'Nobody asks', measure: null });
    expect(frameworkSetProblems(set)).toEqual(['The criterion orphan shows no level of any framework.']);
  });

  it('a cell on an undeclared dimension or level, or declared twice', () => {
    const set = copy();
    set.frameworks[1]?.cells.push(
      { dimension: 'culture', level: 1, descriptor: 'x', criteria: ['a1', 'd1'] },
      { dimension: 'automation', level: 3, descriptor: 'x', criteria: ['a1', 'd1'] },
      { dimension: 'automation', level: 1, descriptor: 'again', criteria: ['a1', 'd1'] },
    );
    expect(frameworkSetProblems(set)).toEqual([
      'G, culture level 1: the dimension is not declared.',
      'G, automation level 3: the level is not declared.',
      'G, automation level 1: declared twice.',
    ]);
  });

  it('a section without criteria, a framework or dimension declared twice', () => {
    const set = copy();
    set.criteria = set.criteria.map((c) => (c.section === 'explainability' ? { ...c, section: 'monitoring' } : c));
    expect(frameworkSetProblems(set)).toEqual(['The section explainability has no criteria.']);
    const dup = copy();
    dup.frameworks[1]?.dimensions.push({ key: 'automation', name: 'Again' });
    expect(frameworkSetProblems(dup)).toEqual(['G: the dimension automation is declared twice.']);
    const twice = copy();
    twice.frameworks.push(structuredClone(SET.frameworks[1] as FrameworkSet['frameworks'][number]));
    expect(frameworkSetProblems(twice)).toEqual(['The framework google is declared twice.']);
  });
});

describe('what the schema refuses', () => {
  const withCriterion = (over: Record<string, unknown>) => {
    const raw = structuredClone(SET) as unknown as { criteria: Record<string, unknown>[] };
    raw.criteria[0] = { ...raw.criteria[0], ...over };
    return frameworkSetSchema.safeParse(raw);
  };

  it('a criterion in a section it does not know', () => {
    const r = withCriterion({ section: 'security' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toEqual([['criteria', 0, 'section']]);
  });

  it('a measure it does not know', () => {
    const r = withCriterion({ measure: 'drift' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toEqual([['criteria', 0, 'measure']]);
  });

  it('takes a criterion without a measure as unmeasured', () => {
    const raw = structuredClone(SET) as unknown as { criteria: Record<string, unknown>[] };
    delete raw.criteria[0]?.measure;
    expect(frameworkSetSchema.parse(raw).criteria[0]?.measure).toBeNull();
  });

  it('a key that is not lower-case words, and an unknown field', () => {
    expect(withCriterion({ id: 'A1' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['criteria.0.id', 'must be lower-case words joined by _ or .'],
    ]);
    expect(withCriterion({ weight: 2 }).error?.issues.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });
});
