import type { ContactFields } from '@shared/portfolio/contract/contacts';
import type { ModelFields } from '@shared/portfolio/contract/models';
import type { ApprovalFields, VersionFields } from '@shared/portfolio/contract/versions';
import type { CardNarrative } from '@shared/portfolio/rules/card';
import type { Stage } from '@shared/portfolio/rules/vocabulary';

/** The sample's contacts, by client name. */
export const SAMPLE_CONTACTS: readonly (Required<Omit<ContactFields, 'clientId'>> & { client: string })[] = [
  {
    client: 'Alpenbank Privatbank AG',
    name: 'Dr. Katrin Meier',
    title: 'Head of Credit Risk Analytics',
    email: 'katrin.meier@alpenbank.example',
    phone: '+41 44 555 01 20',
    notes: 'Business owner of the retail credit models; chairs the monthly model performance review.',
  },
  {
    client: 'Alpenbank Privatbank AG',
    name: 'Lukas Brunner',
    title: 'Model Risk Manager',
    email: 'lukas.brunner@alpenbank.example',
    phone: '+41 44 555 01 38',
    notes: 'Independent validation; signs off high-risk models before production.',
  },
  {
    client: 'Nordhafen Logistik GmbH',
    name: 'Jana Vogt',
    title: 'VP Supply Chain Planning',
    email: 'jana.vogt@nordhafen.example',
    phone: '+49 40 555 2290',
    notes: '',
  },
  {
    client: 'Cascade Mutual Insurance',
    name: 'Maria Alvarez',
    title: 'Director of Claims Operations',
    email: 'maria.alvarez@cascademutual.example',
    phone: '+1 206 555 0147',
    notes: 'Owns the claims triage outcome: days to first contact.',
  },
  {
    client: 'Cascade Mutual Insurance',
    name: 'Tom Reilly',
    title: 'Chief Compliance Officer',
    email: 'tom.reilly@cascademutual.example',
    phone: '+1 206 555 0190',
    notes: 'Approves anything touching policyholders’ data under the state insurance AI bulletins.',
  },
  {
    client: 'Thameside Retail plc',
    name: 'Priya Shah',
    title: 'Head of E-commerce',
    email: 'priya.shah@thameside.example',
    phone: '+44 20 7946 0321',
    notes: '',
  },
  {
    client: 'Lumen Telecom S.A.',
    name: 'Sofia Costa',
    title: 'Customer Retention Lead',
    email: 'sofia.costa@lumen.example',
    phone: '+351 21 555 0412',
    notes: '',
  },
];

type SampleModel = Omit<ModelFields, 'clientId' | 'engagementId' | 'businessOwnerId' | 'stage' | 'inServiceSince'> & {
  client: string;
  engagement: string | null;
  owner: string | null;
  /** The stages it went through, oldest first; the first is where it was registered, on its in-service date. */
  stages: readonly { stage: Stage; on: string; reason?: string }[];
  /** The hand-written narrative of its model card (the rest of the card is derived). */
  card?: Partial<CardNarrative>;
  /** Versions, each with the approvals recorded on it. */
  versions?: readonly (Omit<VersionFields, 'modelId' | 'builtBy'> & {
    builtBy: string;
    registeredOn: string;
    approvals: readonly (Omit<ApprovalFields, 'versionId' | 'approver'> & { approver: string })[];
  })[];
  /** What happened in its engagement's environments, oldest first (instants as `YYYY-MM-DDTHH:mm`, UTC). */
  deployments?: readonly SampleDeployment[];
};

/** A deployment of a version, the promotion of its challenger, or a rollback to it — by version label and environment name. */
export type SampleDeployment =
  | { action: 'deploy'; version: string; environment: string; alias: 'champion' | 'challenger' | 'shadow'; at: string }
  | { action: 'promote'; version: string; environment: string; at: string }
  | { action: 'rollback'; version: string; environment: string; at: string; reason: string };

/** The engagements' environments (one production each, added first). */
export const SAMPLE_ENVIRONMENTS: readonly { engagement: string; name: string; production: boolean }[] = [
  { engagement: 'Recommendation engine operations', name: 'Production', production: true },
  { engagement: 'Recommendation engine operations', name: 'Staging', production: false },
  { engagement: 'Credit risk model operations', name: 'Production', production: true },
  { engagement: 'Credit risk model operations', name: 'Pilot branches', production: false },
];

/**
 * The sample portfolio: a live mix of ideas, prototypes, pilots (some stuck long enough to be buried), a retired model, and a
 * recommender in production whose promoted challenger was rolled back (so the champion column, the timeline and the as-of
 * answer have a history to show).
 */
export const SAMPLE_MODELS: readonly SampleModel[] = [
  {
    client: 'Alpenbank Privatbank AG',
    engagement: 'Credit risk model operations',
    owner: 'Dr. Katrin Meier',
    name: 'Retail credit PD scorecard',
    useCase: 'Probability of default for retail loan applications, feeding the credit decision and IFRS 9 provisioning.',
    outcomeMetric: 'Default rate of approved loans',
    outcomeUnit: '%',
    outcomeBaseline: 2.4,
    outcomeTarget: 2.0,
    riskTier: 'critical',
    aiActCategory: 'high',
    regulatedDomain: 'credit',
    kind: 'classical_ml',
    serving: 'batch',
    dataSources: ['Core banking loans', 'Credit bureau (CRIF)', 'Transaction history'],
    repositoryLink: 'https://git.alpenbank.example/risk/pd-scorecard',
    registryLink: 'https://mlflow.alpenbank.example/#/models/retail-pd',
    dashboardLink: 'https://grafana.alpenbank.example/d/retail-pd',
    runbookLink: 'https://wiki.alpenbank.example/risk/pd-runbook',
    tags: ['IFRS 9', 'scorecard'],
    notes: 'Replaces the 2019 logistic scorecard; monotonic constraints on income and utilisation.',
    card: {
      intendedUse:
        'Estimate the 12-month probability of default of retail loan applicants, as one input to the credit decision and to IFRS 9 provisioning.',
      outOfScopeUses: 'Corporate or SME lending; collections prioritisation; pricing; any automatic decline without a credit officer.',
      users:
        'Credit officers in the branch network decide with it; model risk management monitors it; finance reads the provisioning output.',
      limitations:
        'Applicants with under 12 months of banking history score with wide uncertainty. Not validated for loans above CHF 250,000 or for cross-border applicants.',
      ethicalConsiderations:
        'No protected attribute is an input. Approval rates and calibration are compared across age bands, gender and nationality each quarter; a gap above 5 points goes to the model risk committee.',
      caveats: 'Recalibrate when the policy rate moves by more than 100 basis points.',
    },
    stages: [
      { stage: 'idea', on: '2026-02-02' },
      { stage: 'prototype', on: '2026-04-06' },
      { stage: 'pilot', on: '2026-09-14' },
    ],
    versions: [
      {
        label: 'v1.0',
        builtBy: 'Piotr Kowalski',
        registeredOn: '2026-08-24',
        trainingData: 'retail_loans_2019_2025 · Jan 2019–Jun 2026 · sha256:9f2c41e7',
        evaluations: [
          { metric: 'AUC', value: 0.81, dataset: 'out-of-time holdout H1 2026' },
          { metric: 'KS', value: 0.47, dataset: 'out-of-time holdout H1 2026' },
        ],
        evidence: [
          { kind: 'data_lineage', text: 'OpenLineage graph from core banking to the feature store', link: '' },
          { kind: 'explainability_report', text: 'Scorecard points and SHAP summary reviewed with credit officers', link: '' },
        ],
        notes: 'First candidate for the pilot branch network.',
        approvals: [
          {
            approver: 'Lukas Brunner',
            decision: 'approved_with_conditions',
            decidedOn: '2026-09-07',
            evidenceText: 'Independent validation report VR-2026-14',
            evidenceLink: 'https://wiki.alpenbank.example/risk/vr-2026-14',
            conditions: 'Pilot in ten branches only; monthly PSI report to model risk.',
          },
        ],
      },
    ],
  },
  {
    client: 'Alpenbank Privatbank AG',
    engagement: 'Credit risk model operations',
    owner: 'Dr. Katrin Meier',
    name: 'Mortgage affordability model',
    useCase: 'Stress-tested affordability for mortgage applications at higher rates.',
    outcomeMetric: 'Manual review rate',
    outcomeUnit: '%',
    outcomeBaseline: 38,
    outcomeTarget: 20,
    riskTier: 'high',
    aiActCategory: 'high',
    regulatedDomain: 'credit',
    kind: 'classical_ml',
    serving: 'online',
    dataSources: ['Mortgage applications', 'Property valuations'],
    tags: ['mortgages'],
    notes: 'Waiting on the valuation data feed from the property team.',
    stages: [
      { stage: 'idea', on: '2026-03-09' },
      { stage: 'prototype', on: '2026-05-11' },
    ],
  },
  {
    client: 'Alpenbank Privatbank AG',
    engagement: 'AML transaction monitoring',
    owner: 'Lukas Brunner',
    name: 'AML alert prioritiser',
    useCase: 'Rank transaction-monitoring alerts so investigators see the likeliest true positives first.',
    outcomeMetric: 'Alerts closed per investigator-day',
    outcomeUnit: 'alerts',
    outcomeBaseline: 14,
    outcomeTarget: 22,
    riskTier: 'high',
    aiActCategory: 'limited',
    regulatedDomain: 'credit',
    kind: 'classical_ml',
    serving: 'batch',
    dataSources: ['TM alerts', 'Case outcomes'],
    tags: ['AML'],
    notes: 'Starts with the engagement in January.',
    stages: [{ stage: 'idea', on: '2026-10-19' }],
  },
  {
    client: 'Nordhafen Logistik GmbH',
    engagement: 'Demand forecasting platform',
    owner: 'Jana Vogt',
    name: 'Weekly SKU demand forecast',
    useCase: 'Twelve-week demand per SKU and warehouse for replenishment planning.',
    outcomeMetric: 'Forecast error (WAPE)',
    outcomeUnit: '%',
    outcomeBaseline: 31,
    outcomeTarget: 22,
    riskTier: 'medium',
    aiActCategory: 'minimal',
    regulatedDomain: 'none',
    kind: 'deep_learning',
    serving: 'batch',
    dataSources: ['WMS shipments', 'Promotions calendar', 'Weather'],
    repositoryLink: 'https://gitlab.nordhafen.example/planning/sku-forecast',
    dashboardLink: 'https://superset.nordhafen.example/dashboard/forecast',
    tags: ['forecasting', 'TFT'],
    notes: 'Pilot in the Hamburg and Bremen warehouses.',
    stages: [
      { stage: 'idea', on: '2025-11-10' },
      { stage: 'prototype', on: '2026-01-19' },
      { stage: 'pilot', on: '2026-06-01' },
    ],
  },
  {
    client: 'Nordhafen Logistik GmbH',
    engagement: 'Demand forecasting platform',
    owner: 'Jana Vogt',
    name: 'Route ETA predictor',
    useCase: 'Arrival time per delivery stop for customer notifications.',
    outcomeMetric: 'ETA within 15 minutes',
    outcomeUnit: '%',
    outcomeBaseline: 61,
    outcomeTarget: 85,
    riskTier: 'low',
    aiActCategory: 'minimal',
    regulatedDomain: 'none',
    kind: 'classical_ml',
    serving: 'online',
    dataSources: ['Telematics', 'Route plans'],
    tags: ['gradient boosting'],
    notes: '',
    stages: [
      { stage: 'prototype', on: '2026-08-10' },
      { stage: 'pilot', on: '2026-10-05' },
    ],
  },
  {
    client: 'Cascade Mutual Insurance',
    engagement: 'Claims triage model run',
    owner: 'Maria Alvarez',
    name: 'Claims triage classifier',
    useCase: 'Route first notices of loss to fast-track, standard or specialist handling.',
    outcomeMetric: 'Days to first contact',
    outcomeUnit: 'days',
    outcomeBaseline: 4.2,
    outcomeTarget: 1.5,
    riskTier: 'high',
    aiActCategory: 'limited',
    regulatedDomain: 'insurance',
    kind: 'deep_learning',
    serving: 'online',
    dataSources: ['FNOL forms', 'Policy admin', 'Adjuster notes'],
    repositoryLink: 'https://github.example/cascade/claims-triage',
    registryLink: 'https://sagemaker.cascademutual.example/models/claims-triage',
    runbookLink: 'https://confluence.cascademutual.example/claims-triage-runbook',
    tags: ['NLP', 'triage'],
    notes: 'Handlers can always override the route; overrides are logged for retraining.',
    stages: [
      { stage: 'idea', on: '2025-07-07' },
      { stage: 'prototype', on: '2025-09-01' },
      { stage: 'pilot', on: '2026-08-03' },
    ],
  },
  {
    client: 'Cascade Mutual Insurance',
    engagement: 'Fraud scoring pilot',
    owner: 'Tom Reilly',
    name: 'Claims fraud anomaly detector',
    useCase: 'Flag claims whose pattern differs from the policyholder’s history for the special investigations unit.',
    outcomeMetric: 'Fraud found per 100 referrals',
    outcomeUnit: 'cases',
    outcomeBaseline: 9,
    outcomeTarget: 15,
    riskTier: 'high',
    aiActCategory: 'limited',
    regulatedDomain: 'insurance',
    kind: 'classical_ml',
    serving: 'batch',
    dataSources: ['Claims history', 'Payments'],
    tags: ['isolation forest'],
    notes: 'Stalled: the SIU has no capacity to label referrals.',
    stages: [
      { stage: 'idea', on: '2026-02-02' },
      { stage: 'prototype', on: '2026-03-02' },
    ],
  },
  {
    client: 'Cascade Mutual Insurance',
    engagement: null,
    owner: 'Tom Reilly',
    name: 'Call-agent emotion monitoring',
    useCase: 'Score agents’ emotional state on claim calls for coaching.',
    outcomeMetric: '',
    outcomeUnit: '',
    outcomeBaseline: null,
    outcomeTarget: null,
    riskTier: 'critical',
    aiActCategory: 'prohibited',
    regulatedDomain: 'employment',
    kind: 'deep_learning',
    serving: 'streaming',
    dataSources: ['Call recordings'],
    tags: ['speech'],
    notes: 'A vendor prototype in the client’s inventory, never run by the team.',
    stages: [
      { stage: 'idea', on: '2025-11-03' },
      { stage: 'prototype', on: '2026-01-12' },
      {
        stage: 'retired',
        on: '2026-03-16',
        reason: 'Emotion recognition at work is prohibited under the EU AI Act (Art. 5); stopped after legal review.',
      },
    ],
  },
  {
    client: 'Thameside Retail plc',
    engagement: 'Recommendation engine operations',
    owner: 'Priya Shah',
    name: 'Homepage product recommender',
    useCase: 'Personalised product carousels on the homepage and in the app.',
    outcomeMetric: 'Click-through rate',
    outcomeUnit: '%',
    outcomeBaseline: 3.1,
    outcomeTarget: 4.0,
    riskTier: 'low',
    aiActCategory: 'minimal',
    regulatedDomain: 'none',
    kind: 'deep_learning',
    serving: 'online',
    dataSources: ['Clickstream', 'Catalogue', 'Orders'],
    repositoryLink: 'https://github.example/thameside/recs',
    dashboardLink: 'https://looker.thameside.example/dashboards/recs',
    tags: ['two-tower', 'A/B'],
    notes: 'A/B test on 10% of traffic while the engagement is paused.',
    stages: [
      { stage: 'idea', on: '2025-01-13' },
      { stage: 'prototype', on: '2025-03-03' },
      { stage: 'pilot', on: '2026-07-06' },
      { stage: 'production', on: '2026-07-13' },
    ],
    versions: [
      {
        label: 'v3.2',
        builtBy: 'Marko Jovanović',
        registeredOn: '2026-06-22',
        trainingData: 'clickstream_90d · Mar–May 2026 · sha256:4b7e0c19',
        evaluations: [{ metric: 'Recall@20', value: 0.34, dataset: 'last 2 weeks of May 2026' }],
        evidence: [],
        notes: '',
        approvals: [
          {
            approver: 'Priya Shah',
            decision: 'approved',
            decidedOn: '2026-07-01',
            evidenceText: 'Offline evaluation and A/B test plan',
            evidenceLink: '',
            conditions: '',
          },
        ],
      },
      {
        label: 'v3.3',
        builtBy: 'Marko Jovanović',
        registeredOn: '2026-08-24',
        trainingData: 'clickstream_90d · May–Jul 2026 · sha256:c20a9d51',
        evaluations: [{ metric: 'Recall@20', value: 0.37, dataset: 'last 2 weeks of July 2026' }],
        evidence: [],
        notes: 'Adds the app’s session features.',
        approvals: [
          {
            approver: 'Priya Shah',
            decision: 'approved',
            decidedOn: '2026-08-31',
            evidenceText: 'Offline evaluation; challenger on 10% of traffic first',
            evidenceLink: '',
            conditions: '',
          },
        ],
      },
    ],
    deployments: [
      { action: 'deploy', version: 'v3.2', environment: 'Staging', alias: 'champion', at: '2026-06-29T09:00' },
      { action: 'deploy', version: 'v3.2', environment: 'Production', alias: 'champion', at: '2026-07-13T08:00' },
      { action: 'deploy', version: 'v3.3', environment: 'Production', alias: 'challenger', at: '2026-09-01T08:00' },
      { action: 'promote', version: 'v3.3', environment: 'Production', at: '2026-09-15T08:00' },
      {
        action: 'rollback',
        version: 'v3.2',
        environment: 'Production',
        at: '2026-09-18T14:30',
        reason: 'Mobile conversion fell 8% after the promotion; v3.3 goes back to offline evaluation.',
      },
    ],
  },
  {
    client: 'Thameside Retail plc',
    engagement: 'Recommendation engine operations',
    owner: 'Priya Shah',
    name: 'Customer service assistant',
    useCase: 'Answers order and returns questions from the help centre, handing over to an agent when unsure.',
    outcomeMetric: 'Contacts resolved without an agent',
    outcomeUnit: '%',
    outcomeBaseline: 0,
    outcomeTarget: 35,
    riskTier: 'medium',
    aiActCategory: 'limited',
    regulatedDomain: 'none',
    kind: 'llm',
    serving: 'online',
    dataSources: ['Help centre articles', 'Order API'],
    tags: ['RAG', 'chatbot'],
    notes: 'Tells customers they are talking to an AI (AI Act transparency duty).',
    stages: [
      { stage: 'idea', on: '2026-09-07' },
      { stage: 'prototype', on: '2026-10-26' },
    ],
  },
  {
    client: 'Lumen Telecom S.A.',
    engagement: 'Churn model lifecycle',
    owner: 'Sofia Costa',
    name: 'Churn propensity model',
    useCase: 'Monthly churn risk per postpaid subscriber for the retention campaigns.',
    outcomeMetric: 'Monthly churn',
    outcomeUnit: '%',
    outcomeBaseline: 1.9,
    outcomeTarget: 1.5,
    riskTier: 'medium',
    aiActCategory: 'minimal',
    regulatedDomain: 'none',
    kind: 'classical_ml',
    serving: 'batch',
    dataSources: ['Billing', 'Network usage', 'Care contacts'],
    tags: ['XGBoost'],
    notes: '',
    stages: [
      { stage: 'idea', on: '2024-05-06' },
      { stage: 'prototype', on: '2024-07-01' },
      { stage: 'pilot', on: '2025-02-03' },
      { stage: 'prototype', on: '2025-04-14', reason: 'Pilot uplift below target; retraining with usage features.' },
    ],
  },
];
