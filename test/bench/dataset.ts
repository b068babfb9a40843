import { archiveClient, createClient } from '@backend/clients/clientService';
import { archiveEngagement, createEngagement } from '@backend/clients/engagementService';
import { archiveSpecialist, createSpecialist } from '@backend/clients/specialistService';
import type { Context } from '@backend/core/context';
import {
  type EngagementStatus,
  type Seniority,
  SPECIALIST_ROLES,
  type SpecialistRole,
  type SpecialistStatus,
} from '@shared/clients/rules/reference';
import type { SourcingRegion } from '@shared/clients/rules/sourcingRegion';
import type { ClientFields, EngagementFields, SpecialistFields } from '@shared/contract';
import { generateOpenRequests, generatePlanHistory, type PlanSize, type PlanSummary } from './planDataset';
import { dayOf, iso, prng, type Rng, ROLE_SKILLS } from './seeded';

/**
 * A large, realistic, deterministic dataset for the benchmarks: clients in
 * several countries and currencies, engagements spread unevenly over them
 * (a few big accounts, a long tail, some prospects with none), specialists
 * from every sourcing region with skill tags, and some archived rows of each.
 *
 * Everything goes through the ordinary services (validated and audited like
 * any user change) inside one transaction, so the data is what the app
 * itself would have written.
 */

export type RecordKind = 'clients' | 'engagements' | 'specialists';

/** How many records of each kind, and optionally a plan (allocations, absences, open requests) over them. */
export type DatasetSize = Record<RecordKind, number> & { plan?: PlanSize | undefined };

/**
 * The size the issues ask for: 500 specialists and 400 engagements (foundation),
 * with two years of allocations and absences (~3,000 and ~5,000) and a few
 * dozen open staffing requests (allocation planning). "Today" is 2026-11-16.
 */
export const BENCH_SIZE = {
  clients: 200,
  engagements: 400,
  specialists: 500,
  plan: { from: '2025-11-17', to: '2027-11-14', today: '2026-11-16', openRequests: 36 },
} as const satisfies DatasetSize;

export type DatasetSummary = {
  [K in RecordKind]: { total: number; archived: number };
} & { plan: PlanSummary | null; auditRows: number };

// ---------------------------------------------------------------- clients

type ClientCountry = { country: string; calendars: string[]; currency: string; forms: string[]; weight: number };

const CLIENT_COUNTRIES: ClientCountry[] = [
  {
    country: 'CH',
    calendars: ['CH', 'CH-ZH', 'CH-ZH', 'CH-GE', 'CH-BE', 'CH-BS', 'CH-ZG'],
    currency: 'CHF',
    forms: ['AG', 'SA', 'GmbH'],
    weight: 25,
  },
  {
    country: 'DE',
    calendars: ['DE', 'DE-BY', 'DE-HH', 'DE-BE', 'DE-HE', 'DE-NW'],
    currency: 'EUR',
    forms: ['GmbH', 'AG', 'SE'],
    weight: 20,
  },
  {
    country: 'US',
    calendars: ['US', 'US-NY', 'US-CA', 'US-WA', 'US-TX', 'US-IL'],
    currency: 'USD',
    forms: ['Inc.', 'Corp.', 'LLC'],
    weight: 15,
  },
  { country: 'GB', calendars: ['GB', 'GB-ENG', 'GB-ENG', 'GB-SCT', 'GB-WLS'], currency: 'GBP', forms: ['plc', 'Ltd'], weight: 12 },
  { country: 'FR', calendars: ['FR'], currency: 'EUR', forms: ['SA', 'SAS'], weight: 6 },
  { country: 'NL', calendars: ['NL', 'NL-NH'], currency: 'EUR', forms: ['B.V.', 'N.V.'], weight: 6 },
  { country: 'AT', calendars: ['AT', 'AT-9'], currency: 'EUR', forms: ['AG', 'GmbH'], weight: 5 },
  { country: 'ES', calendars: ['ES-MD', 'ES-CT'], currency: 'EUR', forms: ['S.A.', 'S.L.'], weight: 4 },
  { country: 'IE', calendars: ['IE'], currency: 'EUR', forms: ['DAC', 'Ltd'], weight: 4 },
  // Swedish and Danish clients bill in euros or dollars: Keel's currencies are CHF, EUR, USD and GBP here.
  { country: 'SE', calendars: ['SE'], currency: 'EUR', forms: ['AB'], weight: 2 },
  { country: 'DK', calendars: ['DK'], currency: 'USD', forms: ['A/S'], weight: 1 },
];

const CLIENT_PREFIXES = [
  'Alpen',
  'Nord',
  'Helvetia',
  'Cascade',
  'Thames',
  'Lumen',
  'Rhein',
  'Atlas',
  'Meridian',
  'Boreal',
  'Harbor',
  'Summit',
  'Granite',
  'Silver',
  'Aurora',
  'Vector',
  'Orbit',
  'Kestrel',
  'Falcon',
  'Linden',
  'Maple',
  'Cedar',
  'Beacon',
  'Pioneer',
  'Zenith',
  'Polar',
  'Delta',
  'Iris',
  'Quartz',
  'Sterling',
  'Evergreen',
  'Bluewater',
  'Redwood',
  'Northstar',
  'Keystone',
] as const;

const CLIENT_SECTORS = [
  ['Privatbank', 'bank'],
  ['Versicherungen', 'insurer'],
  ['Mutual Insurance', 'insurer'],
  ['Logistik', 'logistics'],
  ['Retail', 'retail'],
  ['Telecom', 'telecom'],
  ['Energy', 'energy'],
  ['Pharma', 'pharma'],
  ['Health', 'health'],
  ['Capital', 'bank'],
  ['Payments', 'payments'],
  ['Mobility', 'mobility'],
  ['Foods', 'retail'],
  ['Manufacturing', 'industry'],
  ['Analytics', 'software'],
  ['Reinsurance', 'insurer'],
  ['Rail', 'mobility'],
  ['Media', 'media'],
] as const;

const NOTES_BY_SECTOR: Record<string, string[]> = {
  bank: [
    'Credit-scoring and AML models are high-risk tier; regulator audit in Q2.',
    'Model risk management sign-off needed for every release.',
  ],
  insurer: ['Claims triage and pricing models in production.', 'Nearshore team for time-zone overlap with the claims department.'],
  logistics: ['Demand forecasting and ETA prediction; retraining weekly.', 'Deployment window Thursdays only.'],
  retail: ['Recommendation engine and price elasticity models.', 'Peak season freeze from mid-November to early January.'],
  telecom: ['Churn and network-anomaly models.', 'Data stays in the client’s own cloud account.'],
  energy: ['Load forecasting for the grid operator; strict change windows.', 'On-call rota shared with the client’s SRE team.'],
  pharma: ['GxP-validated pipelines; every model change is documented.', 'Computer-vision QA on the packaging line.'],
  health: ['Patient data never leaves the hospital network.', 'Imaging models; clinical review board approves releases.'],
  payments: ['Fraud detection with a 50 ms latency budget.', 'PCI scope: access through the client’s bastion only.'],
  mobility: ['Predictive maintenance for the fleet.', 'Timetable optimisation; releases aligned with timetable changes.'],
  industry: ['Predictive maintenance on factory sensors.', 'Edge deployment to plant gateways.'],
  software: ['Platform team wants to own the pipelines after hand-over.', 'Multi-tenant feature store.'],
  media: ['Content recommendation and search ranking.', 'A/B testing platform shared with the product teams.'],
};

const EXTRA_NOTES = [
  'Invoices go to the procurement portal, not by email.',
  'Framework agreement renewed yearly in March.',
  'Prefers specialists with German.',
  'Security clearance required for production access.',
  '',
] as const;

function clientFields(rng: Rng, usedNames: Set<string>): Required<ClientFields> {
  const place = rng.weighted(CLIENT_COUNTRIES.map((c) => [c, c.weight] as const));
  let name = '';
  let sector = 'software';
  for (let attempt = 0; ; attempt++) {
    const [sectorName, sectorKind] = rng.pick(CLIENT_SECTORS);
    sector = sectorKind;
    name = `${rng.pick(CLIENT_PREFIXES)} ${sectorName} ${rng.pick(place.forms)}`;
    if (attempt > 20) name = `${name} ${attempt}`;
    if (!usedNames.has(name.toLowerCase())) break;
  }
  usedNames.add(name.toLowerCase());
  // Some multinationals bill in dollars or euros whatever their home country.
  const currency = rng.chance(0.1) ? rng.pick(['USD', 'EUR']) : place.currency;
  const sectorNotes = NOTES_BY_SECTOR[sector] ?? [];
  const notes = rng.chance(0.15) ? '' : [rng.pick(sectorNotes), rng.pick(EXTRA_NOTES)].join(' ').trim();
  return {
    name,
    country: place.country,
    currency,
    holidayCalendar: rng.pick(place.calendars),
    timeZone: '',
    vatBasisPoints: place.country === 'CH' ? 810 : 0,
    notes,
  };
}

// ---------------------------------------------------------------- engagements

const ENGAGEMENT_TOPICS = [
  'Credit risk',
  'Fraud detection',
  'Demand forecasting',
  'Churn prediction',
  'Recommendation engine',
  'Document understanding',
  'Claims triage',
  'Dynamic pricing',
  'Anomaly detection',
  'Search ranking',
  'Customer support assistant',
  'Supply chain optimisation',
  'Predictive maintenance',
  'AML transaction monitoring',
  'Feature store',
  'Model monitoring',
  'GPU platform',
  'Data quality',
  'Computer vision QA',
  'Speech analytics',
] as const;

const ENGAGEMENT_KINDS = [
  'model operations',
  'platform build',
  'MLOps team',
  'migration',
  'run and maintain',
  'pilot',
  'hardening',
  'retraining pipeline',
] as const;

const CONTRACT_NOTES = [
  'Hours-based, billed monthly.',
  'Fixed monthly fee per specialist; overtime billed separately.',
  'Replacement within 7 business days of the client’s calendar.',
  'Replacement within 10 business days; knowledge transfer of 5 days paid by the provider.',
  'Team of four; weekly retraining window Tuesdays.',
  'On-call outside office hours billed at 1.5×.',
  'Two MLOps engineers requested; roles defined, search not started.',
  '',
] as const;

function engagementFields(rng: Rng, clientId: string, clientCurrency: string, usedNames: Set<string>): Required<EngagementFields> {
  let name = '';
  for (let attempt = 0; ; attempt++) {
    name = `${rng.pick(ENGAGEMENT_TOPICS)} ${rng.pick(ENGAGEMENT_KINDS)}`;
    if (attempt > 20) name = `${name} phase ${attempt}`;
    if (!usedNames.has(`${clientId}/${name.toLowerCase()}`)) break;
  }
  usedNames.add(`${clientId}/${name.toLowerCase()}`);
  const status = rng.weighted<EngagementStatus>([
    ['proposed', 15],
    ['active', 45],
    ['paused', 10],
    ['ended', 30],
  ]);
  const today = dayOf('2026-11-16');
  let start: number;
  let end: number | null = null;
  if (status === 'proposed') {
    start = today + rng.int(14, 220);
  } else if (status === 'ended') {
    start = dayOf('2022-01-03') + rng.int(0, 1300);
    end = Math.min(start + rng.int(90, 720), today - rng.int(1, 60));
    if (end < start) end = start + rng.int(30, 90);
  } else {
    start = dayOf('2023-01-02') + rng.int(0, 1300);
    if (rng.chance(0.4)) end = Math.max(start, today) + rng.int(30, 540);
  }
  return {
    clientId,
    name,
    currency: rng.chance(0.08) ? rng.pick(['USD', 'EUR']) : clientCurrency,
    startDate: iso(start),
    endDate: end === null ? null : iso(end),
    status,
    contractNotes: rng.pick(CONTRACT_NOTES),
    slaBusinessDays: 7,
  };
}

// ---------------------------------------------------------------- specialists

type Origin = { countries: readonly (readonly [string, number])[]; first: readonly string[]; last: readonly string[] };

const ORIGINS: Record<SourcingRegion, Origin> = {
  romania: {
    countries: [
      ['RO', 9],
      ['MD', 1],
    ],
    first: [
      'Andrei',
      'Ana',
      'Mihai',
      'Ioana',
      'Alexandru',
      'Elena',
      'Radu',
      'Maria',
      'Cristian',
      'Bianca',
      'Vlad',
      'Irina',
      'Ștefan',
      'Diana',
    ],
    last: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Constantin', 'Rusu', 'Munteanu', 'Ciobanu'],
  },
  poland: {
    countries: [['PL', 1]],
    first: ['Piotr', 'Anna', 'Krzysztof', 'Katarzyna', 'Tomasz', 'Magdalena', 'Paweł', 'Agnieszka', 'Michał', 'Zofia', 'Jakub', 'Marta'],
    last: ['Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Pawlak', 'Dudek', 'Walczak', 'Sikora', 'Baran'],
  },
  balkans: {
    countries: [
      ['RS', 4],
      ['HR', 2],
      ['BA', 2],
      ['MK', 1],
      ['AL', 1],
      ['BG', 2],
      ['ME', 1],
      ['SI', 1],
      ['GR', 1],
    ],
    first: ['Marko', 'Jelena', 'Nikola', 'Ana', 'Stefan', 'Milica', 'Luka', 'Ivana', 'Petar', 'Maja', 'Dragan', 'Sara'],
    last: [
      'Jovanović',
      'Petrović',
      'Nikolić',
      'Marković',
      'Horvat',
      'Kovačević',
      'Babić',
      'Hoxha',
      'Dimitrov',
      'Ilić',
      'Popović',
      'Stojanovski',
    ],
  },
  caucasus: {
    countries: [
      ['GE', 2],
      ['AM', 2],
      ['AZ', 1],
    ],
    first: ['Giorgi', 'Nino', 'Levan', 'Mariam', 'Davit', 'Ani', 'Armen', 'Lusine', 'Elvin', 'Leyla', 'Tamar', 'Rashad'],
    last: ['Beridze', 'Kapanadze', 'Gelashvili', 'Hakobyan', 'Grigoryan', 'Sargsyan', 'Lomidze', 'Abashidze', 'Petrosyan', 'Huseynli'],
  },
  central_asia: {
    countries: [
      ['KZ', 3],
      ['UZ', 2],
      ['KG', 1],
    ],
    first: ['Aibek', 'Aigerim', 'Nurlan', 'Dana', 'Timur', 'Madina', 'Bekzod', 'Dilnoza', 'Azamat', 'Aliya', 'Rustam', 'Kamila'],
    last: ['Kassymov', 'Akhmetov', 'Seitkali', 'Tursunov', 'Karimov', 'Yusupov', 'Bekov', 'Omarov', 'Sultanbekov', 'Rakhimov', 'Ismailov'],
  },
  latin_america: {
    countries: [
      ['AR', 3],
      ['BR', 3],
      ['MX', 2],
      ['CO', 2],
      ['CL', 1],
      ['UY', 1],
      ['PE', 1],
      ['CR', 1],
    ],
    first: ['Sofía', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Diego', 'Lucía', 'Joaquín', 'Isabela', 'Gabriel', 'Martina', 'Tomás'],
    last: [
      'García',
      'Rodríguez',
      'Martínez',
      'López',
      'González',
      'Pérez',
      'Silva',
      'Santos',
      'Fernández',
      'Ramírez',
      'Torres',
      'Oliveira',
    ],
  },
  other: {
    countries: [
      ['UA', 2],
      ['PT', 2],
      ['IN', 1],
    ],
    first: ['Olena', 'Dmytro', 'João', 'Inês', 'Priya', 'Arjun'],
    last: ['Shevchenko', 'Bondarenko', 'Costa', 'Ferreira', 'Sharma', 'Iyer'],
  },
};

const REGION_WEIGHTS: (readonly [SourcingRegion, number])[] = [
  ['romania', 22],
  ['poland', 18],
  ['balkans', 20],
  ['caucasus', 10],
  ['central_asia', 10],
  ['latin_america', 15],
  ['other', 5],
];

/** Holiday-calendar regions inside a home country, checked by the backend against date-holidays. */
const SUBDIVISIONS: Record<string, string[]> = {
  MD: ['CU'],
  BA: ['BIH', 'SRP'],
  BR: ['SP', 'RJ', 'MG'],
  CL: ['BI'],
  IN: ['KA'],
};

const EXTRA_SKILLS = [
  'Python',
  'Go',
  'Rust',
  'SQL',
  'Docker',
  'Kubernetes',
  'Kustomize',
  'AWS SageMaker',
  'Vertex AI',
  'Azure ML',
  'Databricks',
  'BigQuery',
  'Weights & Biases',
  'DVC',
  'Great Expectations',
  'Evidently',
  'vLLM',
  'LangChain',
  'Seldon Core',
  'BentoML',
  'GPU scheduling',
  'Model monitoring',
  'Feature engineering',
  'CUDA',
] as const;

function emailLocalPart(first: string, last: string): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${ascii(first)}.${ascii(last)}`;
}

function specialistFields(rng: Rng, usedEmails: Set<string>): Required<SpecialistFields> {
  const region = rng.weighted(REGION_WEIGHTS);
  const origin = ORIGINS[region];
  const homeCountry = rng.weighted(origin.countries);
  const subdivisions = SUBDIVISIONS[homeCountry];
  const homeSubdivision = subdivisions && rng.chance(0.5) ? rng.pick(subdivisions) : '';
  const first = rng.pick(origin.first);
  const last = rng.pick(origin.last);
  const base = emailLocalPart(first, last);
  let email = `${base}@talent.example.com`;
  for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@talent.example.com`;
  usedEmails.add(email);
  const role = rng.weighted<SpecialistRole>(
    SPECIALIST_ROLES.map(
      (r) => [r, r === 'mlops_engineer' ? 30 : r === 'ml_platform_engineer' ? 15 : r === 'engagement_lead' ? 4 : 10] as const,
    ),
  );
  const seniority = rng.weighted<Seniority>([
    ['junior', 12],
    ['mid', 35],
    ['senior', 35],
    ['lead', 13],
    ['principal', 5],
  ]);
  const status = rng.weighted<SpecialistStatus>([
    ['active', 62],
    ['bench', 18],
    ['leaving', 7],
    ['left', 13],
  ]);
  const skills = [...rng.sample(ROLE_SKILLS[role], rng.int(1, 3)), ...rng.sample(EXTRA_SKILLS, rng.int(1, 6))];
  return {
    fullName: `${first} ${last}`,
    role,
    seniority,
    homeCountry,
    homeSubdivision,
    skills,
    startDate: iso(dayOf('2019-01-07') + rng.int(0, 2850)),
    status,
    email,
    dailyMinutes: 480,
  };
}

// ---------------------------------------------------------------- generation

/**
 * Fills an empty database through the services, in one transaction (each
 * service's own transaction becomes a savepoint). With a plan size, records
 * two years of allocations and absences (planDataset.ts) before archiving some
 * records the way a user would — left specialists, ended engagements, and
 * clients with no running engagement — and then opens staffing requests.
 */
export function generateDataset(ctx: Context, size: DatasetSize = BENCH_SIZE, seed = 20261116): DatasetSummary {
  const rng = prng(seed);
  // The plan draws from its own sequence, so the records are the same with or without it.
  const planRng = prng(seed + 1);
  return ctx.write((audit) => {
    const clientNames = new Set<string>();
    const clients = Array.from({ length: size.clients }, () => createClient(ctx, clientFields(rng, clientNames)));

    // A few big accounts and a long tail; some clients end up with no engagement (prospects).
    const engagementNames = new Set<string>();
    const engagements = Array.from({ length: size.engagements }, () => {
      const client = clients[Math.floor(clients.length * rng.next() ** 1.7)];
      if (!client) throw new Error('No client to attach an engagement to.');
      return createEngagement(ctx, engagementFields(rng, client.id, client.currency, engagementNames));
    });

    const emails = new Set<string>();
    const specialists = Array.from({ length: size.specialists }, () => createSpecialist(ctx, specialistFields(rng, emails)));

    // History first: allocations and absences were recorded while their records were live.
    const history = size.plan ? generatePlanHistory(ctx, planRng, { engagements, specialists }, size.plan) : null;

    let archivedSpecialists = 0;
    for (const s of specialists) {
      if ((s.status === 'left' && rng.chance(0.7)) || rng.chance(0.01)) {
        archiveSpecialist(ctx, s.id);
        archivedSpecialists++;
      }
    }
    let archivedEngagements = 0;
    for (const e of engagements) {
      if ((e.status === 'ended' && rng.chance(0.4)) || (e.status === 'proposed' && rng.chance(0.1))) {
        archiveEngagement(ctx, e.id);
        archivedEngagements++;
      }
    }
    const running = new Set(engagements.filter((e) => e.status === 'active' || e.status === 'paused').map((e) => e.clientId));
    let archivedClients = 0;
    for (const c of clients) {
      if (!running.has(c.id) && rng.chance(0.15)) {
        archiveClient(ctx, c.id);
        archivedClients++;
      }
    }

    const openRequests = size.plan ? generateOpenRequests(ctx, planRng, engagements, size.plan) : 0;

    const summary = {
      clients: { total: clients.length, archived: archivedClients },
      engagements: { total: engagements.length, archived: archivedEngagements },
      specialists: { total: specialists.length, archived: archivedSpecialists },
      plan: history ? { ...history, openRequests } : null,
    };
    audit({ entity: 'dataset', entityId: 'bench', label: 'Benchmark dataset', action: 'import', before: null, after: summary });
    const auditRows = (ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    return { ...summary, auditRows };
  });
}
