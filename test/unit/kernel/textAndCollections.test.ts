import { groupBy } from '@shared/kernel/collections';
import { slug } from '@shared/kernel/text';
import { describe, expect, it } from 'vitest';

describe('slug', () => {
  it('folds accents, lowers case and joins words with one dash', () => {
    expect(slug('Claims Model — Zürich')).toBe('claims-model-zurich');
    expect(slug('Nordhafen Logistik GmbH')).toBe('nordhafen-logistik-gmbh');
    expect(slug('  Route   optimisation!! ')).toBe('route-optimisation');
    expect(slug('Crédit Agricole / Île-de-France')).toBe('credit-agricole-ile-de-france');
  });

  it('cuts long names to 60 characters without a trailing dash', () => {
    const long = slug(`${'a'.repeat(59)} bcd`);
    expect(long).toBe('a'.repeat(59));
    expect(slug('x'.repeat(80))).toHaveLength(60);
  });

  it('falls back when nothing is left', () => {
    expect(slug('—!?')).toBe('file');
    expect(slug('', 'engagement')).toBe('engagement');
  });
});

describe('groupBy', () => {
  it('groups in order of first appearance, keeping each group in the items’ order', () => {
    const items = [
      { id: 1, k: 'b' },
      { id: 2, k: 'a' },
      { id: 3, k: 'b' },
    ];
    const groups = groupBy(items, (i) => i.k);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')?.map((i) => i.id)).toEqual([1, 3]);
    expect(groups.get('a')?.map((i) => i.id)).toEqual([2]);
    expect(groups.get('c')).toBeUndefined();
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], String).size).toBe(0);
  });
});
