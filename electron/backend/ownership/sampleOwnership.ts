import type { AssetType, Role } from '@shared/ownership/rules/vocabulary';

/**
 * The sample ownership matrix, authored against the sample anchor (24 Nov 2026) like the rest of the sample:
 * the Alpenbank credit engagement is mostly staffed but shows what the checks are for — cost with nobody
 * Accountable, monitoring with no Backup on a critical model, an Accountable who leaves on 11 Dec with no
 * successor (a replacement request is open for her), another rolling off at the end of December, the
 * Christmas holidays when an Accountable and their Backup are both away — and a monitoring hand-over in
 * September that the as-of picker shows. Nordhafen's forecasting models are staffed by bulk (Timur Rakhimov, who replaced Ioana Constantinescu in
 * September, holds too many of them alone); Thameside's
 * recommender is still owned by a specialist whose allocation ended.
 */
export type SampleAsset = {
  engagement: string;
  name: string;
  type: AssetType;
  models: string[];
  from: string;
  links?: string[];
  notes?: string;
};
export type SampleAssignment = {
  /** A model or asset name of the engagement. */
  target: string;
  duty: string;
  role: Role;
  /** A specialist's full name or a contact's name. */
  person: string;
  from: string;
  to?: string;
};

export const SAMPLE_ASSETS: readonly SampleAsset[] = [
  {
    engagement: 'Credit risk model operations',
    name: 'Core banking loan feed',
    type: 'data_ingestion',
    models: ['Retail credit PD scorecard'],
    from: '2026-02-02',
    notes: 'Nightly extract of the loan book; shared with the mortgage team.',
  },
  {
    engagement: 'Credit risk model operations',
    name: 'PD feature pipeline',
    type: 'feature_pipeline',
    models: ['Retail credit PD scorecard'],
    from: '2026-04-06',
  },
  {
    engagement: 'Credit risk model operations',
    name: 'Credit scoring API',
    type: 'serving_endpoint',
    models: ['Retail credit PD scorecard'],
    from: '2026-09-14',
    links: ['https://api.alpenbank.example/scoring'],
  },
  {
    engagement: 'Credit risk model operations',
    name: 'Credit model monitoring',
    type: 'monitoring',
    models: ['Retail credit PD scorecard'],
    from: '2026-09-14',
  },
  {
    engagement: 'Credit risk model operations',
    name: 'Credit risk dashboard',
    type: 'dashboard',
    models: ['Retail credit PD scorecard'],
    from: '2026-09-14',
  },
  {
    engagement: 'Demand forecasting platform',
    name: 'Warehouse sales ingestion',
    type: 'data_ingestion',
    models: ['Weekly SKU demand forecast', 'Route ETA predictor'],
    from: '2025-11-10',
  },
  {
    engagement: 'Demand forecasting platform',
    name: 'Forecast training pipeline',
    type: 'training_pipeline',
    models: ['Weekly SKU demand forecast'],
    from: '2026-01-19',
  },
  {
    engagement: 'Demand forecasting platform',
    name: 'Planner dashboard',
    type: 'dashboard',
    models: ['Weekly SKU demand forecast'],
    from: '2026-06-01',
  },
];

const PD = 'Retail credit PD scorecard';
const START = '2026-04-06';

export const SAMPLE_ASSIGNMENTS: readonly SampleAssignment[] = [
  { target: PD, duty: 'data_ingestion', role: 'accountable', person: 'Andrei Popescu', from: START },
  { target: PD, duty: 'data_ingestion', role: 'responsible', person: 'Piotr Kowalski', from: START },
  { target: PD, duty: 'data_ingestion', role: 'backup', person: 'Agnieszka Nowak', from: START },
  { target: PD, duty: 'training', role: 'accountable', person: 'Agnieszka Nowak', from: START },
  { target: PD, duty: 'training', role: 'responsible', person: 'Piotr Kowalski', from: START },
  { target: PD, duty: 'training', role: 'backup', person: 'Andrei Popescu', from: START },
  { target: PD, duty: 'deployment', role: 'accountable', person: 'Piotr Kowalski', from: START },
  { target: PD, duty: 'deployment', role: 'responsible', person: 'Andrei Popescu', from: START },
  { target: PD, duty: 'deployment', role: 'backup', person: 'Agnieszka Nowak', from: START },
  { target: PD, duty: 'monitoring', role: 'accountable', person: 'Agnieszka Nowak', from: START, to: '2026-09-13' },
  { target: PD, duty: 'monitoring', role: 'accountable', person: 'Andrei Popescu', from: '2026-09-14' },
  { target: PD, duty: 'monitoring', role: 'responsible', person: 'Piotr Kowalski', from: START },
  { target: PD, duty: 'incident_response', role: 'accountable', person: 'Andrei Popescu', from: START },
  { target: PD, duty: 'incident_response', role: 'responsible', person: 'Piotr Kowalski', from: START },
  { target: PD, duty: 'incident_response', role: 'backup', person: 'Agnieszka Nowak', from: START },
  { target: PD, duty: 'incident_response', role: 'informed', person: 'Dr. Katrin Meier', from: START },
  { target: PD, duty: 'rollback', role: 'accountable', person: 'Piotr Kowalski', from: START },
  { target: PD, duty: 'rollback', role: 'responsible', person: 'Andrei Popescu', from: START },
  { target: PD, duty: 'rollback', role: 'backup', person: 'Andrei Popescu', from: START },
  { target: PD, duty: 'governance', role: 'accountable', person: 'Lukas Brunner', from: START },
  { target: PD, duty: 'governance', role: 'responsible', person: 'Andrei Popescu', from: START },
  { target: PD, duty: 'governance', role: 'backup', person: 'Dr. Katrin Meier', from: START },
  { target: PD, duty: 'governance', role: 'consulted', person: 'Dr. Katrin Meier', from: START },
  { target: PD, duty: 'cost', role: 'responsible', person: 'Andrei Popescu', from: START },
  // The shared loan feed has its own owner for ingestion.
  { target: 'Core banking loan feed', duty: 'data_ingestion', role: 'accountable', person: 'Piotr Kowalski', from: '2026-06-01' },
  { target: 'Core banking loan feed', duty: 'data_ingestion', role: 'responsible', person: 'Andrei Popescu', from: '2026-06-01' },
  { target: 'Core banking loan feed', duty: 'data_ingestion', role: 'backup', person: 'Agnieszka Nowak', from: '2026-06-01' },
  // Thameside's recommender: its Accountable's allocation ended on 30 Sep.
  { target: 'Homepage product recommender', duty: 'incident_response', role: 'accountable', person: 'Amra Hadžić', from: '2026-07-13' },
  { target: 'Homepage product recommender', duty: 'rollback', role: 'accountable', person: 'Amra Hadžić', from: '2026-07-13' },
];

/** Nordhafen's forecasting engagement, staffed with the bulk action: one person per role on each duty across its models. */
export const SAMPLE_BULK: readonly { engagement: string; duty: string; role: Role; person: string; from: string }[] = [
  ...['data_ingestion', 'training', 'deployment', 'monitoring', 'incident_response', 'rollback', 'governance', 'cost'].flatMap((duty) => [
    {
      engagement: 'Demand forecasting platform',
      duty,
      role: 'accountable' as const,
      person: duty === 'incident_response' || duty === 'rollback' ? 'Giorgi Beridze' : 'Timur Rakhimov',
      from: '2026-10-05',
    },
    { engagement: 'Demand forecasting platform', duty, role: 'responsible' as const, person: 'Aigerim Nurlanovna', from: '2026-10-05' },
  ]),
  { engagement: 'Demand forecasting platform', duty: 'incident_response', role: 'backup', person: 'Timur Rakhimov', from: '2026-10-05' },
  { engagement: 'Demand forecasting platform', duty: 'rollback', role: 'backup', person: 'Anahit Sargsyan', from: '2026-10-05' },
];
