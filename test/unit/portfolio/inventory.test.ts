import {
  MODEL_COLUMNS,
  mapColumns,
  parseEvaluations,
  parseRow,
  problemText,
  repeatedNames,
  VERSION_COLUMNS,
} from '@shared/portfolio/rules/inventory';
import { describe, expect, it } from 'vitest';

describe('an inventory file’s columns', () => {
  it('are found by their header in any case, spacing or alias; a required one missing or one named twice is a problem', () => {
    const map = mapColumns('Models', 1, ['model name', 'RISK', 'eu_ai_act', 'Kind', 'serving', 'Tags', 'tags', 'Colour'], MODEL_COLUMNS);
    expect(Object.fromEntries(map.columns)).toEqual({ name: 0, riskTier: 1, aiActCategory: 2, kind: 3, serving: 4, tags: 5 });
    expect(map.problems.map(problemText)).toEqual(['Models row 1, Tags: The column “Tags” appears twice.']);
    const bare = mapColumns('Versions', 3, ['Model', 'Label'], VERSION_COLUMNS);
    expect(bare.problems.map(problemText)).toEqual(['Versions row 3: The header row lacks the columns “Built by”, “Registered on”.']);
  });
});

describe('an inventory row', () => {
  const { columns } = mapColumns(
    'Models',
    1,
    ['Name', 'Risk tier', 'EU AI Act category', 'Kind', 'Serving', 'In service since', 'Outcome baseline', 'Data sources', 'Stage'],
    MODEL_COLUMNS,
  );
  it('reads choices by label or value, date cells as their calendar day, lists split on ; or ,', () => {
    const row = parseRow(
      'Models',
      2,
      [
        'Churn',
        'critical',
        'Limited risk',
        'LLM / generative application',
        'Online',
        new Date(Date.UTC(2024, 1, 29)),
        12.5,
        'crm; billing, web',
        '',
      ],
      MODEL_COLUMNS,
      columns,
    );
    expect(row).toEqual({
      row: 2,
      problems: [],
      values: {
        name: 'Churn',
        riskTier: 'critical',
        aiActCategory: 'limited',
        kind: 'llm',
        serving: 'online',
        inServiceSince: '2024-02-29',
        outcomeBaseline: 12.5,
        dataSources: ['crm', 'billing', 'web'],
      },
    });
  });
  it('names each cell it cannot read, and each required one left blank', () => {
    const row = parseRow(
      'Models',
      7,
      ['', 'Severe', 'minimal', 'Classical ML', 'Batch', '1.3.2024', 'a lot', '', 'Live'],
      MODEL_COLUMNS,
      columns,
    );
    expect(row.problems.map(problemText)).toEqual([
      'Models row 7, Name: is required',
      'Models row 7, Outcome baseline: “a lot” is not a number',
      'Models row 7, Risk tier: “Severe” is not one of: Low, Medium, High, Critical',
      'Models row 7, Stage: “Live” is not one of: Idea, Prototype, Pilot, Production, Retired',
      'Models row 7, In service since: “1.3.2024” is not a date: write it YYYY-MM-DD or use a date cell',
    ]);
  });
});

describe('evaluation results in one cell', () => {
  it('read as metric = value on dataset, separated by ;', () => {
    expect(parseEvaluations('AUC = 0.91 on holdout; Recall=0.7 on holdout 2026')).toEqual({
      evaluations: [
        { metric: 'AUC', value: 0.91, dataset: 'holdout' },
        { metric: 'Recall', value: 0.7, dataset: 'holdout 2026' },
      ],
      problem: null,
    });
    expect(parseEvaluations('AUC 0.91').problem).toBe(
      '“AUC 0.91” is not a result written as metric = value on dataset (e.g. AUC = 0.81 on holdout)',
    );
  });
});

describe('repeated names', () => {
  it('are found case-insensitively, each with the row that had it first', () => {
    expect(
      repeatedNames([
        { row: 2, name: 'Churn' },
        { row: 3, name: 'Fraud' },
        { row: 4, name: ' churn ' },
      ]),
    ).toEqual([{ row: 4, name: ' churn ', first: 2 }]);
  });
});
