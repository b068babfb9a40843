import type { SampleStep } from '@backend/core/sample';
import { SAMPLE_CONTACTS } from '@backend/portfolio/sampleModels';
import type { AnswerValues } from '@shared/maturity/contract/assessments';
import type { FrameworkSet } from '@shared/maturity/rules/framework';
import type { ReadinessAnswer, ReadinessItem } from '@shared/maturity/rules/readiness';
import { answerAssessment, createAssessment, finaliseAssessment } from './assessmentService';
import { newestOf } from './frameworks';
import { saveReadiness, setTarget } from './overviewService';

/**
 * A client's state on one assessment, as the Microsoft level each dimension has reached: the criteria of those
 * levels are answered yes, the next level's first criterion partly, the rest no. A few answers carry evidence,
 * and `claims` are answered yes whatever the level (what a hopeful spreadsheet says).
 */
type SampleAssessment = {
  client: string;
  on: string;
  assessor: string;
  levels: Record<'people' | 'model_creation' | 'model_release' | 'application_integration', number>;
  claims?: string[];
  final: boolean;
};

const ALPENBANK = 'Alpenbank Privatbank AG';

const SAMPLE_ASSESSMENTS: readonly SampleAssessment[] = [
  {
    client: ALPENBANK,
    on: '2025-12-08',
    assessor: 'Andrei Popescu',
    levels: { people: 1, model_creation: 0, model_release: 0, application_integration: 0 },
    final: true,
  },
  {
    client: ALPENBANK,
    on: '2026-05-11',
    assessor: 'Andrei Popescu',
    levels: { people: 1, model_creation: 1, model_release: 1, application_integration: 0 },
    final: true,
  },
  {
    client: ALPENBANK,
    on: '2026-10-05',
    assessor: 'Andrei Popescu',
    levels: { people: 2, model_creation: 2, model_release: 1, application_integration: 1 },
    // Answered yes in the workshop; the portfolio will say otherwise for some production models.
    claims: ['trace.release_approval', 'doc.model_cards'],
    final: true,
  },
  {
    client: ALPENBANK,
    on: '2026-11-16',
    assessor: 'Andrei Popescu',
    levels: { people: 2, model_creation: 2, model_release: 2, application_integration: 1 },
    final: false,
  },
  {
    client: 'Nordhafen Logistik GmbH',
    on: '2026-09-14',
    assessor: 'Marko Jovanović',
    levels: { people: 1, model_creation: 1, model_release: 0, application_integration: 0 },
    final: true,
  },
  {
    client: 'Cascade Mutual Insurance',
    on: '2026-08-17',
    assessor: 'Agnieszka Nowak',
    levels: { people: 2, model_creation: 2, model_release: 2, application_integration: 1 },
    final: true,
  },
  {
    client: 'Thameside Retail plc',
    on: '2026-04-20',
    assessor: 'Ioana Constantinescu',
    levels: { people: 1, model_creation: 1, model_release: 0, application_integration: 0 },
    final: true,
  },
  {
    client: 'Thameside Retail plc',
    on: '2026-10-19',
    assessor: 'Ioana Constantinescu',
    levels: { people: 1, model_creation: 2, model_release: 1, application_integration: 1 },
    // The recommender in production is the portfolio's evidence for (or against) these.
    claims: ['trace.release_approval', 'trace.rollback', 'doc.model_cards', 'trace.versioned_lineage'],
    final: true,
  },
];

/** What Alpenbank and Thameside aim for, by when. */
const SAMPLE_TARGETS: readonly { client: string; framework: 'microsoft' | 'google'; dimension: string; level: number; due: string }[] = [
  { client: ALPENBANK, framework: 'microsoft', dimension: 'people', level: 3, due: '2027-06-30' },
  { client: ALPENBANK, framework: 'microsoft', dimension: 'model_creation', level: 3, due: '2027-06-30' },
  { client: ALPENBANK, framework: 'microsoft', dimension: 'model_release', level: 3, due: '2027-06-30' },
  { client: ALPENBANK, framework: 'microsoft', dimension: 'application_integration', level: 2, due: '2027-06-30' },
  { client: ALPENBANK, framework: 'google', dimension: 'automation', level: 1, due: '2027-03-31' },
  { client: 'Thameside Retail plc', framework: 'microsoft', dimension: 'model_release', level: 2, due: '2027-03-31' },
  { client: 'Thameside Retail plc', framework: 'microsoft', dimension: 'application_integration', level: 2, due: '2027-06-30' },
  { client: 'Thameside Retail plc', framework: 'google', dimension: 'automation', level: 1, due: '2027-06-30' },
];

/** Alpenbank's evidence on a few answers. */
const EVIDENCE: Record<string, { evidence: string; links: string[] }> = {
  'trace.release_approval': {
    evidence: 'Model risk signs every release in the change board; minutes in the release wiki.',
    links: ['https://wiki.alpenbank.example/mlops/release-board'],
  },
  'doc.model_cards': { evidence: 'Cards kept in the registry for every production model.', links: [] },
  'doc.ownership': { evidence: 'RACI per model agreed in the steering committee.', links: ['https://wiki.alpenbank.example/mlops/raci'] },
};

/** The answers a client in the given state gives: yes up to its level per dimension, partly on the next step, no beyond. */
function answersFor(set: FrameworkSet, s: SampleAssessment): AnswerValues[] {
  const microsoft = set.frameworks.find((f) => f.key === 'microsoft');
  const answers = new Map<string, AnswerValues['answer']>();
  for (const c of set.criteria) answers.set(c.id, 'no');
  if (microsoft) {
    for (const cell of [...microsoft.cells].sort((a, b) => b.level - a.level)) {
      const reached = s.levels[cell.dimension as keyof SampleAssessment['levels']] ?? 0;
      if (cell.level === reached + 1 && cell.criteria[0] && answers.get(cell.criteria[0]) === 'no') answers.set(cell.criteria[0], 'partly');
    }
    for (const cell of microsoft.cells) {
      const reached = s.levels[cell.dimension as keyof SampleAssessment['levels']] ?? 0;
      if (cell.level <= reached) for (const id of cell.criteria) answers.set(id, 'yes');
    }
  }
  for (const id of s.claims ?? []) if (answers.has(id)) answers.set(id, 'yes');
  return set.criteria.map((c, i) => ({
    criterionId: c.id,
    answer: answers.get(c.id) ?? 'no',
    evidence: s.client === ALPENBANK ? (EVIDENCE[c.id]?.evidence ?? '') : '',
    links: s.client === ALPENBANK ? (EVIDENCE[c.id]?.links ?? []) : [],
    confidence: i % 5 === 0 ? 'low' : i % 3 === 0 ? 'high' : 'medium',
  }));
}

const READINESS: Record<string, Partial<Record<ReadinessItem, ReadinessAnswer | null>>> = {
  [ALPENBANK]: { silent_failures: 'yes' },
  'Lumen Telecom S.A.': { silent_failures: 'no' },
};

/**
 * Assessments over a year for Alpenbank (three final, one draft), two for Thameside (whose recommender in production the
 * cross-check reads), one each for two more clients (so the median of clients shows), targets, readiness answers.
 */
export const maturitySample: SampleStep = {
  area: 'maturity',
  load(ctx, run) {
    const { set } = newestOf();
    let assessments = 0;
    for (const s of SAMPLE_ASSESSMENTS) {
      const contacts = SAMPLE_CONTACTS.filter((c) => c.client === s.client).map((c) => run.id(c.name));
      const detail = createAssessment(ctx, {
        clientId: run.id(s.client),
        engagementId: null,
        assessedOn: run.date(s.on),
        assessor: { kind: 'specialist', id: run.id(s.assessor) },
        participants: contacts.slice(0, 2),
        frameworks: ['microsoft', 'google'],
        overallRule: 'lowest',
        notes: '',
        copyAnswersFrom: null,
        corrects: null,
      });
      answerAssessment(ctx, { id: detail.assessment.id, answers: answersFor(set, s) });
      if (s.final) finaliseAssessment(ctx, detail.assessment.id);
      assessments++;
    }
    let targets = 0;
    for (const t of SAMPLE_TARGETS) {
      setTarget(ctx, {
        clientId: run.id(t.client),
        framework: t.framework,
        dimension: t.dimension,
        level: t.level,
        dueOn: run.date(t.due),
        reason: '',
      });
      targets++;
    }
    for (const [client, answers] of Object.entries(READINESS)) {
      saveReadiness(ctx, { clientId: run.id(client), answers, notes: '' });
    }
    return { assessments, targets };
  },
};
