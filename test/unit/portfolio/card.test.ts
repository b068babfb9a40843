import {
  type CardFacts,
  cardGapSentence,
  cardNeed,
  deriveCard,
  describedVersions,
  EMPTY_NARRATIVE,
  modelCardGaps,
} from '@shared/portfolio/rules/card';
import { cardDocumentHtml } from '@shared/portfolio/rules/cardHtml';
import { cardMarkdown, escapeMarkdown } from '@shared/portfolio/rules/cardMarkdown';
import { describe, expect, it } from 'vitest';

const narrative = {
  intendedUse: 'Probability of default for retail loan applications.',
  outOfScopeUses: 'Corporate lending; collections.',
  users: 'Credit officers in the branch network.',
  limitations: 'Thin-file applicants score poorly.',
  ethicalConsiderations: 'Disparate impact by age and nationality tested quarterly.',
  caveats: '',
};

const facts: CardFacts = {
  model: {
    name: 'Retail credit PD scorecard',
    clientName: 'Alpenbank',
    engagementName: 'Credit risk model operations',
    useCase: 'Probability of default for retail loans.',
    businessOwnerName: 'Dr. Katrin Meier',
    outcomeMetric: 'Default rate',
    outcomeUnit: '%',
    outcomeBaseline: 2.4,
    outcomeTarget: 2,
    riskTier: 'critical',
    aiActCategory: 'high',
    regulatedDomain: 'credit',
    kind: 'classical_ml',
    serving: 'batch',
    dataSources: ['Core banking loans'],
    inServiceSince: '2026-02-02',
    stage: 'production',
    stageSince: '2026-10-01',
  },
  narrative,
  versions: [
    { label: 'v2.0', builtByName: 'Piotr', registeredOn: '2026-11-01', trainingData: '', evaluations: [], approvals: [] },
    {
      label: 'v1.0',
      builtByName: 'Piotr',
      registeredOn: '2026-08-24',
      trainingData: 'loans 2019–2026 · sha256:9f2c',
      evaluations: [{ metric: 'AUC', value: 0.81, dataset: 'holdout H1 2026' }],
      approvals: [
        { approverName: 'Lukas', decision: 'approved', decidedOn: '2026-09-07', conditions: '' },
        { approverName: 'Eva', decision: 'rejected', decidedOn: '2026-09-20', conditions: '' },
        { approverName: 'Lukas', decision: 'approved_with_conditions', decidedOn: '2026-09-30', conditions: 'Ten branches only.' },
      ],
    },
  ],
  production: [
    { versionLabel: 'v1.0', alias: 'champion', trafficPercent: null, environmentName: 'Production', from: '2026-10-01T08:00:00.000Z' },
  ],
  asOf: '2026-12-06',
};

const section = (card: ReturnType<typeof deriveCard>, id: string) => card.sections.find((s) => s.id === id);

describe('the model card', () => {
  it('is complete when the record, the narrative and the version in production say everything it asks', () => {
    const card = deriveCard(facts);
    expect(card.incomplete).toEqual([]);
    expect(card.complete).toBe(true);
    expect(cardGapSentence(card)).toBeNull();
    expect(card.sections.map((s) => s.title)).toEqual([
      'Overview',
      'Intended use and out-of-scope uses',
      'Users',
      'Limitations',
      'Training data',
      'Evaluation',
      'Fairness and ethical considerations',
      'Risk tier and EU AI Act category',
      'Owners',
      'Approvals',
      'Versions in production',
      'Caveats and recommendations',
    ]);
    // Training data and evaluation describe the version serving production, not the newer candidate.
    expect(section(card, 'trainingData')?.blocks.at(-1)).toEqual({
      kind: 'table',
      head: ['Version (in production)', 'Training data snapshot'],
      rows: [['v1.0', 'loans 2019–2026 · sha256:9f2c']],
    });
    expect(section(card, 'production')?.blocks).toEqual([
      { kind: 'table', head: ['Version', 'Alias', 'Environment', 'Since'], rows: [['v1.0', 'Champion', 'Production', '1 Oct 2026']] },
    ]);
    // Approvals newest first; one a later rejection withdrew says so.
    expect(section(card, 'approvals')?.blocks[0]).toMatchObject({
      rows: [
        ['v1.0', 'Approved with conditions', 'Lukas', '30 Sep 2026', 'Ten branches only.'],
        ['v1.0', 'Rejected', 'Eva', '20 Sep 2026', ''],
        ['v1.0', 'Approved', 'Lukas', '7 Sep 2026', ''],
      ],
    });
    expect(section(card, 'risk')?.blocks[0]).toMatchObject({
      rows: [
        { label: 'Risk tier', value: 'Critical' },
        { label: 'EU AI Act category', value: expect.stringMatching(/high/i) },
        { label: 'Regulated domain', value: 'Credit' },
      ],
    });
  });

  it('names what each incomplete section lacks; the optional caveats never make it incomplete', () => {
    const card = deriveCard({
      ...facts,
      model: { ...facts.model, useCase: ' ', businessOwnerName: null },
      narrative: { ...EMPTY_NARRATIVE, intendedUse: 'Scores loans.' },
      production: [],
    });
    // Nothing in production: the newest version is described, and it lacks training data and results.
    expect(card.incomplete).toEqual(['overview', 'intendedUse', 'users', 'limitations', 'trainingData', 'evaluation', 'ethics', 'owners']);
    expect(section(card, 'intendedUse')?.missing).toEqual(['the out-of-scope uses']);
    expect(section(card, 'trainingData')?.missing).toEqual(['the training data of version v2.0']);
    expect(section(card, 'production')?.blocks).toEqual([{ kind: 'note', text: 'No version serves production on 6 Dec 2026.' }]);
    expect(cardGapSentence(card)).toBe(
      'The card still needs the use case, the out-of-scope uses, who uses it, its limitations, the training data of version v2.0, evaluation results of version v2.0, the fairness and ethical considerations and a business owner.',
    );
    const noVersions = deriveCard({ ...facts, versions: [], production: [] });
    expect(section(noVersions, 'evaluation')?.missing).toEqual(['a registered version']);
  });

  it('gives the policy the model-only gaps: record and narrative, no version', () => {
    expect(modelCardGaps({ useCase: 'x', hasBusinessOwner: true }, narrative)).toEqual([]);
    expect(modelCardGaps({ useCase: '', hasBusinessOwner: false }, { ...narrative, users: '' })).toEqual(['overview', 'users', 'owners']);
    expect(describedVersions([{ label: 'b' }, { label: 'a' }], [])).toEqual([{ label: 'b' }]);
    expect(describedVersions([{ label: 'b' }, { label: 'a' }], [{ versionLabel: 'a' }])).toEqual([{ label: 'a' }]);
  });
});

describe('the card in Markdown', () => {
  it('keeps what people typed literal: no emphasis, link, HTML, heading, list or table cell from their text', () => {
    expect(escapeMarkdown('*bold* _it_ [x](https://e.example) <b>hi</b> `code` a|b ~~s~~ &amp;')).toBe(
      '\\*bold\\* \\_it\\_ \\[x\\]\\(https://e.example\\) \\<b\\>hi\\</b\\> \\`code\\` a\\|b \\~\\~s\\~\\~ \\&amp;',
    );
    expect(escapeMarkdown('# not a heading\n- not a list\n1. not numbered\n    not code\n> not a quote\n===')).toBe(
      '\\# not a heading\n\\- not a list\n1\\. not numbered\nnot code\n\\> not a quote\n\\===',
    );
    // A line of just "2026." would be an (empty) ordered list item.
    expect(escapeMarkdown('-5 and 0.81\n2026.')).toBe('-5 and 0.81\n2026\\.');
  });

  it('writes the title, the gaps, every section and its tables', () => {
    const md = cardMarkdown(
      deriveCard({
        ...facts,
        model: { ...facts.model, name: 'PD *scorecard*' },
        narrative: { ...narrative, limitations: 'Line one\nline | two\n\nSecond paragraph', users: '' },
      }),
      '2026-12-06T09:00:00.000Z',
    );
    expect(md.startsWith('# Model card: PD \\*scorecard\\*\n\nAlpenbank · as of 6 Dec 2026 · generated by Keel on 6 Dec 2026\n')).toBe(
      true,
    );
    expect(md).toContain('> **Incomplete:** Users (who uses it).');
    expect(md).toContain('## Limitations\n\nLine one  \nline \\| two\n\nSecond paragraph');
    expect(md).toContain('| Version | Metric | Value | Dataset |\n| --- | --- | --- | --- |\n| v1.0 | AUC | 0.81 | holdout H1 2026 |');
    expect(md).toContain('- **Business owner:** Dr. Katrin Meier');
    expect(md).toContain('_Users: not written yet._');
    expect(md.endsWith('\n')).toBe(true);
  });
});

describe('the card as a printed page', () => {
  it('escapes the record’s text and names the model and client in the running header', () => {
    const html = cardDocumentHtml(
      deriveCard({
        ...facts,
        model: { ...facts.model, name: 'PD <script>' },
        narrative: { ...narrative, users: '<img src=x onerror=alert(1)>' },
      }),
      '2026-12-06T09:00:00.000Z',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h1>Model card: PD &#60;script&#62;</h1>');
    expect(html).toContain('<header class="run-head"><span>Model card: PD &#60;script&#62;</span><span>Alpenbank</span></header>');
  });
});

describe('the gate’s words for an incomplete card', () => {
  it('name the sections still to write', () => {
    expect(cardNeed([])).toBe('a complete model card');
    expect(cardNeed(['users'])).toBe('a complete model card (Users still to write)');
    expect(cardNeed(['intendedUse', 'users', 'ethics'])).toBe(
      'a complete model card (Intended use and out-of-scope uses, Users and Fairness and ethical considerations still to write)',
    );
  });
});
