import type { FrameworkSet } from '@shared/maturity/rules/framework';
import type { Answer } from '@shared/maturity/rules/vocabulary';

const c = (
  id: string,
  section: FrameworkSet['criteria'][number]['section'],
  measure: FrameworkSet['criteria'][number]['measure'] = null,
) => ({
  id,
  section,
  title: `Question ${id}`,
  descriptor: `What yes looks like for ${id}`,
  measure,
});

/**
 * A small framework set worked by hand (also read by test/unit/maturity/rules.test.ts and the renderer's
 * assessment test: keep a1…b3, their sections, titles and cells as they are).
 *
 * Eleven criteria over the seven sections; a2 is measured by lineage, b1 by approved releases.
 * microsoft (levels 0–2): people L1 = a1, a2; L2 = a3, a4, m1. release L1 = b1, b2; L2 = b3, b1 (b1 shows both).
 * google (levels 0–2): automation L1 = a1, d1, p1; L2 = a3, b3, e1.
 */
export const SET: FrameworkSet = {
  id: 'test',
  version: '1',
  name: 'Test set',
  sections: [
    { key: 'documentation', name: 'Documentation' },
    { key: 'traceability', name: 'Traceability' },
    { key: 'code_quality', name: 'Code quality' },
    { key: 'monitoring', name: 'Monitoring' },
    { key: 'data_pipelines', name: 'Data pipelines' },
    { key: 'explainability', name: 'Explainability' },
    { key: 'experimentation', name: 'A/B testing' },
  ],
  criteria: [
    c('a1', 'documentation'),
    c('d1', 'documentation'),
    c('a2', 'traceability', 'lineage'),
    c('a3', 'code_quality'),
    c('a4', 'monitoring'),
    c('m1', 'monitoring'),
    c('b1', 'data_pipelines', 'approved_releases'),
    c('p1', 'data_pipelines'),
    c('b2', 'explainability'),
    c('b3', 'experimentation'),
    c('e1', 'experimentation'),
  ],
  frameworks: [
    {
      key: 'microsoft',
      name: 'MS',
      source: 'Test',
      levels: [
        { level: 0, name: 'None', summary: 'Nothing' },
        { level: 1, name: 'Some', summary: 'Some' },
        { level: 2, name: 'Much', summary: 'Much' },
      ],
      dimensions: [
        { key: 'people', name: 'People' },
        { key: 'release', name: 'Release' },
      ],
      cells: [
        { dimension: 'people', level: 0, descriptor: 'p0', criteria: [] },
        { dimension: 'people', level: 1, descriptor: 'p1', criteria: ['a1', 'a2'] },
        { dimension: 'people', level: 2, descriptor: 'p2', criteria: ['a3', 'a4', 'm1'] },
        { dimension: 'release', level: 0, descriptor: 'r0', criteria: [] },
        { dimension: 'release', level: 1, descriptor: 'r1', criteria: ['b1', 'b2'] },
        { dimension: 'release', level: 2, descriptor: 'r2', criteria: ['b3', 'b1'] },
      ],
    },
    {
      key: 'google',
      name: 'G',
      source: 'Test',
      levels: [
        { level: 0, name: 'Manual', summary: 'Manual' },
        { level: 1, name: 'Pipelines', summary: 'Pipelines' },
        { level: 2, name: 'CI/CD', summary: 'CI/CD' },
      ],
      dimensions: [{ key: 'automation', name: 'Automation' }],
      cells: [
        { dimension: 'automation', level: 0, descriptor: 'g0', criteria: [] },
        { dimension: 'automation', level: 1, descriptor: 'g1', criteria: ['a1', 'd1', 'p1'] },
        { dimension: 'automation', level: 2, descriptor: 'g2', criteria: ['a3', 'b3', 'e1'] },
      ],
    },
  ],
};

/** The two frameworks of the set, typed as present. */
export const MS = SET.frameworks[0] as FrameworkSet['frameworks'][number];
export const GOOGLE = SET.frameworks[1] as FrameworkSet['frameworks'][number];

/** The criteria by id, as the rules take them. */
export const CRITERIA = new Map(SET.criteria.map((x) => [x.id, x]));

export const answers = (given: Record<string, Answer>): Map<string, Answer> => new Map(Object.entries(given));

/** Every criterion answered the same way. */
export const all = (answer: Answer): Map<string, Answer> => new Map(SET.criteria.map((x) => [x.id, answer]));
