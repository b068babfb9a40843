import type { Seniority, SpecialistRole } from '@shared/clients/rules/reference';
import type { SourcingRegion } from '@shared/clients/rules/sourcingRegion';
import type { AbsenceKind } from '@shared/plan/contract/allocations';
import type { OpenStage } from '@shared/plan/rules/staffing';

/**
 * The sample plan around late 2026: long confirmed allocations, two
 * roll-offs in December, a tentative follow-on, a lead split across two
 * engagements of one client (a hand-over overlap), people on the bench,
 * absences over the holidays, and staffing requests in every stage.
 * Names refer to the sample specialists and engagements. Dates are authored
 * against SAMPLE_ANCHOR (core/sample.ts) and move with the load day.
 */

export type SampleAllocation = {
  specialist: string;
  engagement: string;
  startDate: string;
  endDate: string;
  loadPercent: number;
  status: 'tentative' | 'confirmed';
  note?: string;
};

export const SAMPLE_ALLOCATIONS: SampleAllocation[] = [
  {
    specialist: 'Andrei Popescu',
    engagement: 'Credit risk model operations',
    startDate: '2025-03-03',
    endDate: '2027-02-26',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Piotr Kowalski',
    engagement: 'Credit risk model operations',
    startDate: '2025-03-03',
    endDate: '2026-12-31',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Piotr Kowalski',
    engagement: 'AML transaction monitoring',
    startDate: '2027-01-11',
    endDate: '2027-12-31',
    loadPercent: 100,
    status: 'tentative',
    note: 'Platform lead for the AML build if the client signs before it starts.',
  },
  {
    specialist: 'Agnieszka Nowak',
    engagement: 'Credit risk model operations',
    startDate: '2025-03-03',
    endDate: '2026-12-11',
    loadPercent: 100,
    status: 'confirmed',
    note: 'Leaving the company; replacement to be found.',
  },
  {
    specialist: 'Giorgi Beridze',
    engagement: 'Demand forecasting platform',
    startDate: '2024-11-04',
    endDate: '2027-06-30',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Ioana Constantinescu',
    engagement: 'Demand forecasting platform',
    startDate: '2025-02-10',
    endDate: '2027-03-31',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Aigerim Nurlanovna',
    engagement: 'Demand forecasting platform',
    startDate: '2025-07-07',
    endDate: '2026-12-18',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Anahit Sargsyan',
    engagement: 'Demand forecasting platform',
    startDate: '2025-09-01',
    endDate: '2027-02-26',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Marko Jovanović',
    engagement: 'Churn model lifecycle',
    startDate: '2025-05-05',
    endDate: '2026-06-30',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Marko Jovanović',
    engagement: 'Demand forecasting platform',
    startDate: '2026-07-01',
    endDate: '2027-03-31',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Lucía Fernández',
    engagement: 'Claims triage model run',
    startDate: '2025-06-16',
    endDate: '2027-06-15',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Rafael Oliveira',
    engagement: 'Claims triage model run',
    startDate: '2025-06-16',
    endDate: '2027-06-15',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Valentina Gómez',
    engagement: 'Fraud scoring pilot',
    startDate: '2026-02-02',
    endDate: '2026-12-18',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Elena Vasquez',
    engagement: 'Claims triage model run',
    startDate: '2025-06-16',
    endDate: '2027-06-15',
    loadPercent: 50,
    status: 'confirmed',
  },
  {
    specialist: 'Elena Vasquez',
    engagement: 'Fraud scoring pilot',
    startDate: '2026-02-02',
    endDate: '2026-12-18',
    loadPercent: 50,
    status: 'confirmed',
    note: 'Half-time lead on the pilot until the production decision.',
  },
  {
    specialist: 'Amra Hadžić',
    engagement: 'Recommendation engine operations',
    startDate: '2025-03-17',
    endDate: '2026-09-30',
    loadPercent: 100,
    status: 'confirmed',
  },
  {
    specialist: 'Amra Hadžić',
    engagement: 'AML transaction monitoring',
    startDate: '2027-01-11',
    endDate: '2027-06-30',
    loadPercent: 100,
    status: 'tentative',
  },
  {
    specialist: 'Nikola Stojanovski',
    engagement: 'Demand forecasting platform',
    startDate: '2027-01-04',
    endDate: '2027-06-30',
    loadPercent: 50,
    status: 'tentative',
    note: 'Part-time ramp-up on the CI/CD pipelines.',
  },
];

export type SampleAbsence = { specialist: string; kind: AbsenceKind; startDate: string; endDate: string; note: string };

export const SAMPLE_ABSENCES: SampleAbsence[] = [
  { specialist: 'Andrei Popescu', kind: 'vacation', startDate: '2026-12-21', endDate: '2027-01-01', note: 'Family holidays' },
  { specialist: 'Giorgi Beridze', kind: 'vacation', startDate: '2026-12-28', endDate: '2027-01-08', note: '' },
  { specialist: 'Lucía Fernández', kind: 'sick', startDate: '2026-11-16', endDate: '2026-11-20', note: '' },
  { specialist: 'Ioana Constantinescu', kind: 'vacation', startDate: '2027-02-15', endDate: '2027-02-19', note: 'Mountain week' },
  { specialist: 'Rafael Oliveira', kind: 'other', startDate: '2026-12-07', endDate: '2026-12-08', note: 'Kubernetes certification exam' },
  { specialist: 'Anahit Sargsyan', kind: 'vacation', startDate: '2026-08-03', endDate: '2026-08-14', note: '' },
];

export type SampleStaffingRequest = {
  engagement: string;
  title: string;
  role: SpecialistRole;
  seniority: Seniority;
  requiredSkills: string[];
  regionPreferences: SourcingRegion[];
  startDate: string;
  loadPercent: number;
  openedOn: string;
  notes: string;
  /** Where it stands: an open stage, filled by a specialist, or declined with a reason. */
  outcome: { stage: OpenStage } | { filledBy: string; filledOn: string; endDate: string } | { declined: string };
};

export const SAMPLE_STAFFING_REQUESTS: SampleStaffingRequest[] = [
  {
    engagement: 'AML transaction monitoring',
    title: 'Senior MLOps engineer — AML monitoring',
    role: 'mlops_engineer',
    seniority: 'senior',
    requiredSkills: ['Kubeflow', 'MLflow', 'drift monitoring', 'model governance'],
    regionPreferences: ['romania', 'poland'],
    startDate: '2027-01-11',
    loadPercent: 100,
    openedOn: '2026-10-26',
    notes: 'Zürich time-zone overlap; German is a plus.',
    outcome: { stage: 'sourcing' },
  },
  {
    engagement: 'AML transaction monitoring',
    title: 'ML platform engineer — AML feature store',
    role: 'ml_platform_engineer',
    seniority: 'mid',
    requiredSkills: ['Feast', 'Kubernetes', 'Terraform'],
    regionPreferences: ['balkans', 'poland'],
    startDate: '2027-01-11',
    loadPercent: 100,
    openedOn: '2026-11-09',
    notes: '',
    outcome: { stage: 'candidates_presented' },
  },
  {
    engagement: 'Demand forecasting platform',
    title: 'Data engineer — streaming ETA features',
    role: 'data_engineer',
    seniority: 'senior',
    requiredSkills: ['Kafka', 'Flink', 'feature stores'],
    regionPreferences: [],
    startDate: '2027-01-04',
    loadPercent: 100,
    openedOn: '2026-11-20',
    notes: 'Replaces capacity when Aigerim rolls off.',
    outcome: { stage: 'defined' },
  },
  {
    engagement: 'Claims triage model run',
    title: 'Data engineer — claims data pipelines',
    role: 'data_engineer',
    seniority: 'senior',
    requiredSkills: ['Snowflake', 'dbt', 'data quality'],
    regionPreferences: ['latin_america'],
    startDate: '2026-02-02',
    loadPercent: 100,
    openedOn: '2026-01-05',
    notes: 'Nearshore for Seattle hours.',
    outcome: { filledBy: 'Diego Hernández', filledOn: '2026-01-26', endDate: '2027-06-15' },
  },
  {
    engagement: 'Recommendation engine operations',
    title: 'Recommender retraining specialist',
    role: 'ml_engineer',
    seniority: 'senior',
    requiredSkills: ['PyTorch', 'recommender systems'],
    regionPreferences: [],
    startDate: '2026-10-05',
    loadPercent: 100,
    openedOn: '2026-09-01',
    notes: '',
    outcome: { declined: 'The client wants someone on site in London five days a week; that is not our delivery model.' },
  },
];
