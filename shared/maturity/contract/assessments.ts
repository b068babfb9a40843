import { command, type ListResult, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, httpsLink, id, isoDate, optionalText } from '@shared/kernel/fields';
import type { ExportedFile, PrintableFile } from '@shared/kernel/printDocument';
import { person } from '@shared/portfolio/contract/versions';
import type { PersonRef } from '@shared/portfolio/rules/policy';
import { z } from 'zod';
import type { CrossCheck } from '../rules/crossCheck';
import type { FrameworkSet } from '../rules/framework';
import type { FrameworkLevels } from '../rules/levels';
import {
  ANSWERS,
  type Answer,
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  CONFIDENCES,
  type Confidence,
  FRAMEWORK_KEYS,
  type FrameworkKey,
  OVERALL_RULES,
  type OverallRule,
} from '../rules/vocabulary';

/** A framework set Keel ships (resources/maturity), as an assessment can choose it. */
export type FrameworkVersion = {
  /** `<set id>@<version>`: what an assessment names when it is created. */
  ref: string;
  setId: string;
  version: string;
  name: string;
  /** The content hash its stored copy is (or will be) kept under. */
  hash: string;
  criteria: number;
  frameworks: { key: FrameworkKey; name: string }[];
  /** The newest version of its set: what a new assessment starts on. */
  newest: boolean;
};

/** An assessment's record: who assessed what, when, against which framework version. */
export type Assessment = {
  id: string;
  clientId: string;
  clientName: string;
  engagementId: string | null;
  engagementName: string | null;
  assessedOn: string;
  assessor: PersonRef;
  assessorName: string;
  /** Client contacts who took part. */
  participants: string[];
  participantNames: string[];
  /** The stored copy of the framework set it was made with. */
  frameworkHash: string;
  frameworkRef: string;
  frameworkName: string;
  frameworks: FrameworkKey[];
  overallRule: OverallRule;
  status: AssessmentStatus;
  finalisedAt: string | null;
  /** The final assessment this one corrects, and why. */
  correctsId: string | null;
  correctionReason: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
};

/** One criterion's answer with its evidence. */
export type AssessmentAnswer = {
  criterionId: string;
  answer: Answer;
  evidence: string;
  links: string[];
  confidence: Confidence;
  updatedAt: string;
};

/** A row of the assessment list: the record with its computed levels and how far it is answered. */
export type AssessmentListItem = Assessment & {
  levels: { framework: FrameworkKey; overall: number; dimensions: { dimension: string; level: number }[] }[];
  answered: number;
  total: number;
};

/** An assessment as its page shows it: the stored framework copy, the answers, computed levels and cross-checks. */
export type AssessmentDetail = {
  assessment: Assessment;
  set: FrameworkSet;
  answers: AssessmentAnswer[];
  levels: FrameworkLevels[];
  progress: { answered: number; total: number; sections: { section: string; answered: number; total: number }[] };
  /** Measured criteria checked against what the portfolio and the ownership matrix show today. */
  crossChecks: CrossCheck[];
  contradictions: number;
  /** Criteria Keel cannot measure yet (it says so beside them). */
  unmeasured: number;
  /** A newer assessment that corrects this one, if any. */
  correctedBy: { id: string; assessedOn: string } | null;
};

const links = z
  .array(httpsLink.pipe(z.string().min(1, 'is required')), { error: 'must be a list of https:// links' })
  .max(10, 'can hold at most 10 links')
  .default([]);

const participants = z.array(id, { error: 'must be a list of client contacts' }).max(50, 'can name at most 50 people').default([]);
const frameworks = z
  .array(z.enum(FRAMEWORK_KEYS, { error: 'must be microsoft or google' }), { error: 'must be a list of frameworks' })
  .min(1, 'must name at least one framework')
  .max(FRAMEWORK_KEYS.length)
  .refine((f) => new Set(f).size === f.length, 'names a framework twice');
const overallRule = z.enum(OVERALL_RULES, { error: 'must be lowest or median' }).default('lowest');

const headerFields = {
  engagementId: id.nullable().default(null),
  assessedOn: isoDate,
  assessor: person,
  participants,
  frameworks,
  overallRule,
  notes: optionalText(4000).default(''),
};

export const assessmentCreateInput = z.strictObject({
  clientId: id,
  ...headerFields,
  /** `<set id>@<version>` of a framework set Keel ships; absent: the newest. */
  frameworkRef: z.string({ error: 'must name a framework version' }).max(80).optional(),
  /** Start from another assessment's answers (a re-assessment), or correct a final one (the answers are copied too). */
  copyAnswersFrom: id.nullable().default(null),
  corrects: z
    .strictObject({ assessmentId: id, reason: optionalText(2000).pipe(z.string().min(1, 'is required')) })
    .nullable()
    .default(null),
});
export type AssessmentCreateFields = z.input<typeof assessmentCreateInput>;

export const assessmentUpdateInput = z.strictObject({ id, expectedUpdatedAt, ...headerFields });

export const answerInput = z.strictObject({
  criterionId: z.string({ error: 'must name a criterion' }).min(1, 'is required').max(80),
  /** null clears the answer. */
  answer: z.enum(ANSWERS, { error: 'must be yes, partly, no or not applicable' }).nullable(),
  evidence: optionalText(4000).default(''),
  links,
  confidence: z.enum(CONFIDENCES, { error: 'must be low, medium or high' }).default('medium'),
});
export type AnswerFields = z.input<typeof answerInput>;
export type AnswerValues = z.output<typeof answerInput>;

export const assessmentsProcedures = {
  'maturity.frameworks': query<FrameworkVersion[]>()(
    'The framework versions Keel ships (criteria and the Microsoft and Google mappings), newest first.',
    z.strictObject({}).default({}),
  ),
  'assessments.list': query<ListResult<AssessmentListItem>>()(
    'Maturity assessments, newest first, with their computed levels.',
    z.strictObject({
      clientId: id.optional(),
      engagementId: id.optional(),
      status: z.enum(ASSESSMENT_STATUSES).optional(),
    }),
  ),
  'assessments.get': query<AssessmentDetail>()(
    'One assessment: its framework copy, answers, computed levels with what blocks the next, and the cross-check.',
    byId,
  ),
  'assessments.create': command<AssessmentDetail>()(
    'Start an assessment of a client (optionally of one engagement), as a draft.',
    assessmentCreateInput,
  ),
  'assessments.update': command<AssessmentDetail>()(
    'Change a draft assessment’s date, assessor, participants, frameworks or overall rule.',
    assessmentUpdateInput,
  ),
  'assessments.answer': command<AssessmentDetail>()(
    'Answer criteria of a draft assessment, with evidence and confidence (null clears an answer).',
    z.strictObject({
      id,
      answers: z.array(answerInput, { error: 'must be a list of answers' }).min(1, 'must hold at least one answer').max(200),
    }),
  ),
  'assessments.finalise': command<AssessmentDetail>()(
    'Finalise a draft: from then on it is immutable (a correction is a new assessment that cites it).',
    byId,
  ),
  'assessments.delete': command<{ id: string }>()('Delete a draft assessment and its answers (a final one stays).', byId),
  'assessments.scorecard': query<ExportedFile>()(
    'The scorecard workbook: answers, evidence, computed levels, cross-check flags and targets.',
    byId,
  ),
  'assessments.summaryPdf': query<PrintableFile>()(
    'A one-page printable summary: radar, levels, top gaps and next steps (in browser mode: the page to print).',
    byId,
  ),
};
