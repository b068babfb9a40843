import type { ClientFields } from '@shared/clients/contract/clients';
import type { EngagementFields } from '@shared/clients/contract/engagements';
import type { SpecialistFields } from '@shared/clients/contract/specialists';

/**
 * The sample dataset: a small, realistic operation — five clients in four
 * currencies, seven engagements, sixteen specialists from every sourcing
 * region. Deterministic, so screenshots and tests can rely on it. Dates are
 * authored against SAMPLE_ANCHOR (core/sample.ts) and move with the load day.
 */

type SampleClient = Required<ClientFields>;
type SampleEngagement = Omit<Required<EngagementFields>, 'clientId'> & { client: string };
type SampleSpecialist = Omit<Required<SpecialistFields>, 'dailyMinutes'>;

export const SAMPLE_CLIENTS: SampleClient[] = [
  {
    name: 'Alpenbank Privatbank AG',
    country: 'CH',
    currency: 'CHF',
    holidayCalendar: 'CH-ZH',
    timeZone: '',
    vatBasisPoints: 810,
    notes: 'Private bank in Zürich. Credit-scoring and AML models are high-risk tier; FINMA audit in Q2.',
  },
  {
    name: 'Nordhafen Logistik GmbH',
    country: 'DE',
    currency: 'EUR',
    holidayCalendar: 'DE-HH',
    timeZone: '',
    vatBasisPoints: 0,
    notes: 'Port logistics. Demand forecasting and ETA prediction in production; retraining weekly.',
  },
  {
    name: 'Cascade Mutual Insurance',
    country: 'US',
    currency: 'USD',
    holidayCalendar: 'US-WA',
    timeZone: 'America/Los_Angeles',
    vatBasisPoints: 0,
    notes: 'Seattle-based insurer. Nearshore team from Latin America for time-zone overlap.',
  },
  {
    name: 'Thameside Retail plc',
    country: 'GB',
    currency: 'GBP',
    holidayCalendar: 'GB-ENG',
    timeZone: '',
    vatBasisPoints: 0,
    notes: 'Retail chain. Recommendation engine paused while the client re-platforms its data warehouse.',
  },
  {
    name: 'Lumen Telecom S.A.',
    country: 'ES',
    currency: 'EUR',
    holidayCalendar: 'ES-MD',
    timeZone: '',
    vatBasisPoints: 0,
    notes: 'Churn and network-anomaly models. Engagement ended after hand-over to the internal team.',
  },
];

export const SAMPLE_ENGAGEMENTS: SampleEngagement[] = [
  {
    client: 'Alpenbank Privatbank AG',
    name: 'Credit risk model operations',
    currency: 'CHF',
    startDate: '2025-03-03',
    endDate: null,
    status: 'active',
    contractNotes: 'Hours-based, billed monthly. Replacement within 7 business days (Zürich calendar).',
    slaBusinessDays: 7,
  },
  {
    client: 'Alpenbank Privatbank AG',
    name: 'AML transaction monitoring',
    currency: 'CHF',
    startDate: '2027-01-11',
    endDate: null,
    status: 'proposed',
    contractNotes: 'Two MLOps engineers requested; roles defined, search not started.',
    slaBusinessDays: 7,
  },
  {
    client: 'Nordhafen Logistik GmbH',
    name: 'Demand forecasting platform',
    currency: 'EUR',
    startDate: '2024-09-02',
    endDate: null,
    status: 'active',
    contractNotes: 'Team of four. Weekly retraining window Tuesdays; deployment window Thursdays.',
    slaBusinessDays: 7,
  },
  {
    client: 'Cascade Mutual Insurance',
    name: 'Claims triage model run',
    currency: 'USD',
    startDate: '2025-06-16',
    endDate: '2027-06-15',
    status: 'active',
    contractNotes: 'Nearshore (Latin America). Flat monthly option discussed, hours-based agreed. Replacement within 10 business days.',
    slaBusinessDays: 10,
  },
  {
    client: 'Cascade Mutual Insurance',
    name: 'Fraud scoring pilot',
    currency: 'USD',
    startDate: '2026-02-02',
    endDate: '2026-12-18',
    status: 'active',
    contractNotes: 'Pilot to production decision due when the pilot ends.',
    slaBusinessDays: 7,
  },
  {
    client: 'Thameside Retail plc',
    name: 'Recommendation engine operations',
    currency: 'GBP',
    startDate: '2025-01-06',
    endDate: null,
    status: 'paused',
    contractNotes: 'Paused from 2026-10-01 during data warehouse migration.',
    slaBusinessDays: 7,
  },
  {
    client: 'Lumen Telecom S.A.',
    name: 'Churn model lifecycle',
    currency: 'EUR',
    startDate: '2024-04-01',
    endDate: '2026-06-30',
    status: 'ended',
    contractNotes: 'Ended with a documented hand-over to the client’s platform team.',
    slaBusinessDays: 7,
  },
];

const s = (
  fullName: string,
  role: SampleSpecialist['role'],
  seniority: SampleSpecialist['seniority'],
  homeCountry: string,
  skills: string[],
  startDate: string,
  status: SampleSpecialist['status'],
  homeSubdivision = '',
): SampleSpecialist => ({
  fullName,
  role,
  seniority,
  homeCountry,
  homeSubdivision,
  skills,
  startDate,
  status,
  email: `${fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@keel-team.example`,
});

export const SAMPLE_SPECIALISTS: SampleSpecialist[] = [
  s('Andrei Popescu', 'mlops_engineer', 'senior', 'RO', ['Kubeflow', 'MLflow', 'Kubernetes', 'Python'], '2024-08-19', 'active'),
  s('Ioana Constantinescu', 'data_engineer', 'mid', 'RO', ['Spark', 'Airflow', 'dbt', 'Delta Lake'], '2025-02-10', 'active'),
  s(
    'Piotr Kowalski',
    'ml_platform_engineer',
    'lead',
    'PL',
    ['Kubernetes', 'Terraform', 'Argo CD', 'GPU scheduling'],
    '2024-06-03',
    'active',
  ),
  s('Agnieszka Nowak', 'sre', 'senior', 'PL', ['Prometheus', 'Grafana', 'incident response', 'SLOs'], '2025-01-13', 'leaving'),
  s('Marko Jovanović', 'mlops_engineer', 'mid', 'RS', ['SageMaker', 'MLflow', 'drift monitoring'], '2025-05-05', 'active'),
  s('Amra Hadžić', 'ml_engineer', 'senior', 'BA', ['PyTorch', 'model cards', 'feature stores'], '2025-03-17', 'active', 'BIH'),
  s('Nikola Stojanovski', 'devops_engineer', 'mid', 'MK', ['GitLab CI', 'Terraform', 'Vault'], '2026-01-12', 'bench'),
  s('Giorgi Beridze', 'mlops_engineer', 'senior', 'GE', ['Vertex AI', 'Kubeflow', 'BigQuery'], '2024-11-04', 'active'),
  s('Anahit Sargsyan', 'data_scientist', 'mid', 'AM', ['scikit-learn', 'evaluation', 'A/B testing'], '2025-09-01', 'active'),
  s('Aigerim Nurlanovna', 'ml_platform_engineer', 'mid', 'KZ', ['Kubernetes', 'Ray', 'Seldon Core'], '2025-07-07', 'active'),
  s('Timur Rakhimov', 'data_engineer', 'junior', 'UZ', ['Kafka', 'Flink', 'Python'], '2026-04-06', 'bench'),
  s('Lucía Fernández', 'mlops_engineer', 'lead', 'AR', ['Azure ML', 'MLflow', 'governance'], '2025-06-02', 'active'),
  s('Rafael Oliveira', 'sre', 'mid', 'BR', ['Datadog', 'on-call', 'Kubernetes'], '2025-06-16', 'active', 'SP'),
  s('Valentina Gómez', 'ml_engineer', 'senior', 'CO', ['XGBoost', 'SHAP', 'fairness testing'], '2025-08-18', 'active'),
  s('Diego Hernández', 'data_engineer', 'senior', 'MX', ['Snowflake', 'dbt', 'Great Expectations'], '2026-02-02', 'active'),
  s('Elena Vasquez', 'engagement_lead', 'principal', 'CR', ['stakeholder management', 'MLOps maturity', 'SLAs'], '2024-03-04', 'active'),
];
