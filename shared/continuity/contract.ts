import type { Clock, ClockThresholds } from '@shared/kernel/businessClock';
import { command, type ListResult, query } from '@shared/kernel/define';
import { byId, expectedUpdatedAt, id, isoDate, optionalText, requiredText, search } from '@shared/kernel/fields';
import { type AllocationListItem, loadPercent } from '@shared/plan/contract/allocations';
import { z } from 'zod';
import { type CandidateStatus, REPLACEMENT_REASONS, type ReplacementReason, type ReplacementStatus } from './rules/replacement';

export type ReplacementRequest = {
  id: string;
  engagementId: string;
  outgoingSpecialistId: string;
  /** The outgoing specialist's allocation on the engagement when the request was made, if any. */
  outgoingAllocationId: string | null;
  reason: ReplacementReason;
  /** When the client submitted the request, ISO-8601 UTC. */
  submittedAt: string;
  /** Who submitted it on the client's side. */
  submittedBy: string;
  notes: string;
  status: ReplacementStatus;
  replacementSpecialistId: string | null;
  replacementAllocationId: string | null;
  /** The replacement's first day on the engagement: the clock stops here. */
  replacementStartDate: string | null;
  /** Why the replacement started after the due date (required then). */
  lateReason: string;
  cancelledOn: string | null;
  cancelReason: string;
  createdAt: string;
  updatedAt: string;
};

export type ReplacementPause = {
  id: string;
  requestId: string;
  startDate: string;
  endDate: string;
  reason: string;
  createdAt: string;
  updatedAt: string;
};

export type ReplacementCandidate = {
  id: string;
  requestId: string;
  name: string;
  /** The candidate's specialist record, once there is one. */
  specialistId: string | null;
  proposedOn: string;
  status: CandidateStatus;
  decidedOn: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ReplacementItem = ReplacementRequest & {
  engagementName: string;
  clientId: string;
  clientName: string;
  /** The client's time zone (IANA) the submission is read in. */
  timeZone: string;
  /** The client's holiday calendar (CH-ZH) the business days come from. */
  holidayCalendar: string;
  /** The engagement's SLA in business days. */
  slaBusinessDays: number;
  outgoingSpecialistName: string;
  replacementSpecialistName: string | null;
  /** Submission date and time in the client's time zone. */
  submittedOn: string;
  submittedTime: string;
  clock: Clock;
  pauses: ReplacementPause[];
  candidates: ReplacementCandidate[];
  outgoingAllocation: AllocationListItem | null;
  replacementAllocation: AllocationListItem | null;
  /** Days the outgoing and the replacement specialist overlap on the engagement. */
  handoverDays: number;
};

/** One promise on the continuity board: a replacement or a new role to staff. */
export type ContinuityPromise = {
  kind: 'replacement' | 'staffing';
  id: string;
  /** "Replace Ana Pop" or the role's title. */
  title: string;
  engagementId: string;
  engagementName: string;
  clientId: string;
  clientName: string;
  /** Who is leaving (replacements), or null. */
  outgoingSpecialistName: string | null;
  /** The replacement reason, or the staffing stage, in words. */
  detail: string;
  clock: Clock;
};

export type ContinuityBoard = { today: string; promises: ContinuityPromise[]; thresholds: ClockThresholds };

export type SlaReportRow = {
  clientId: string;
  clientName: string;
  /** Requests submitted in the quarter. */
  requests: number;
  met: number;
  breached: number;
  open: number;
  cancelled: number;
  /** Met as a share of requests decided (met + breached), whole percent; null when none decided. */
  metPercent: number | null;
  /** Business days from submission to the replacement's start, over fulfilled requests. */
  medianDaysToFulfil: number | null;
  worstDaysToFulfil: number | null;
};

export type SlaReport = {
  year: number;
  quarter: number;
  from: string;
  to: string;
  today: string;
  total: SlaReportRow;
  clients: SlaReportRow[];
  /** Every request submitted in the quarter, for the detail sheet. */
  requests: ReplacementItem[];
  /** Breached requests with the reasons on record. */
  breaches: ReplacementItem[];
};

export type ContinuityExport = { fileName: string; base64: string; bytes: number };

const hhmm = z.string({ error: 'is required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM, such as 09:30 or 17:45');

const requestShape = {
  engagementId: id,
  outgoingSpecialistId: id,
  reason: z.enum(REPLACEMENT_REASONS, { error: `must be one of: ${REPLACEMENT_REASONS.join(', ')}` }),
  /** Date and time of submission in the client's time zone. */
  submittedDate: isoDate,
  submittedTime: hhmm,
  submittedBy: requiredText(120),
  notes: optionalText(4000).default(''),
};

export const replacementFields = z.strictObject(requestShape);
export type ReplacementFields = z.input<typeof replacementFields>;

export const replacementListInput = z
  .strictObject({
    search,
    state: z.enum(['open', 'closed', 'all']).default('open'),
    engagementId: id.optional(),
    clientId: id.optional(),
  })
  .default({ state: 'open' });

const pauseShape = { startDate: isoDate, endDate: isoDate, reason: requiredText(1000) };
const endNotBeforeStart = (v: { startDate: string; endDate: string }) => v.endDate >= v.startDate;
const endMessage = { message: 'must be on or after the start date', path: ['endDate'] };

export const pauseFields = z.strictObject({ requestId: id, ...pauseShape }).refine(endNotBeforeStart, endMessage);
export type PauseFields = z.input<typeof pauseFields>;

export const candidateFields = z.strictObject({
  requestId: id,
  name: requiredText(120),
  specialistId: id.nullable().default(null),
  proposedOn: isoDate,
});
export type CandidateFields = z.input<typeof candidateFields>;

/** Fulfilling creates the replacement's allocation and ends the outgoing one, in one transaction. */
export const fulfilInput = z
  .strictObject({
    id,
    specialistId: id,
    startDate: isoDate,
    /** The replacement's allocation end; empty means the engagement's end. */
    endDate: isoDate.nullable().default(null),
    loadPercent: loadPercent.optional(),
    /** The outgoing specialist's last day on the engagement (the hand-over ends); null leaves the allocation as it is. */
    outgoingEndDate: isoDate.nullable().default(null),
    lateReason: optionalText(1000).default(''),
    /**
     * Hand what the outgoing specialist holds on the engagement (the ownership matrix's duties) to the
     * replacement from the start date, in the same transaction as the fulfilment.
     */
    handOverDuties: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, { message: 'must be on or after the start date', path: ['endDate'] });
export type FulfilFields = z.input<typeof fulfilInput>;

const percent = (label: string) =>
  z
    .number({ error: `${label} must be a whole percentage` })
    .int('must be a whole percentage')
    .min(1, 'must be at least 1%')
    .max(100, 'must be at most 100%');

export const thresholdsInput = z
  .strictObject({ atRiskPercent: percent('the at-risk threshold'), urgentPercent: percent('the urgent threshold') })
  .refine((v) => v.urgentPercent > v.atRiskPercent, {
    message: 'must be above the at-risk threshold',
    path: ['urgentPercent'],
  });

export const quarterInput = z.strictObject({
  year: z
    .number({ error: 'must be a year' })
    .int('must be a whole year')
    .min(2000, 'must be 2000 or later')
    .max(2100, 'must be 2100 or earlier'),
  quarter: z
    .number({ error: 'must be a quarter from 1 to 4' })
    .int('must be 1, 2, 3 or 4')
    .min(1, 'must be 1, 2, 3 or 4')
    .max(4, 'must be 1, 2, 3 or 4'),
  clientId: id.optional(),
});

export const continuityProcedures = {
  'replacements.list': query<ListResult<ReplacementItem>>()('Replacement requests with their SLA clocks.', replacementListInput),
  'replacements.get': query<ReplacementItem>()('One replacement request with its pauses and candidates.', byId),
  'replacements.create': command<ReplacementItem>()(
    'Record a replacement request; the SLA clock starts on the submission date in the client’s time zone.',
    replacementFields,
  ),
  'replacements.update': command<ReplacementItem>()(
    'Correct an open request (the clock is recomputed from the corrected facts).',
    z.strictObject({ ...requestShape, id, expectedUpdatedAt }),
  ),
  'replacements.addPause': command<ReplacementItem>()('Pause the clock for a documented client-side wait.', pauseFields),
  'replacements.updatePause': command<ReplacementItem>()(
    'Change a pause.',
    z.strictObject({ id, ...pauseShape }).refine(endNotBeforeStart, endMessage),
  ),
  'replacements.deletePause': command<ReplacementItem>()('Remove a pause recorded by mistake (audited).', byId),
  'replacements.proposeCandidate': command<ReplacementItem>()('Record a candidate proposed to the client.', candidateFields),
  'replacements.decideCandidate': command<ReplacementItem>()(
    'Record the client’s decision on a candidate.',
    z.strictObject({ id, decision: z.enum(['accepted', 'rejected'], { error: 'must be accepted or rejected' }) }),
  ),
  'replacements.fulfil': command<ReplacementItem>()(
    'Fulfil a request: the replacement’s allocation is created and the outgoing one ends.',
    fulfilInput,
  ),
  'replacements.cancel': command<ReplacementItem>()(
    'Cancel a request the client withdrew, with the reason.',
    z.strictObject({ id, reason: requiredText(1000) }),
  ),
  'continuity.board': query<ContinuityBoard>()(
    'Every open continuity promise — replacements and roles to staff — by time left.',
    z.strictObject({ clientId: id.optional() }).default({}),
  ),
  'continuity.report': query<SlaReport>()('The SLA report of a quarter, per client.', quarterInput),
  'continuity.export': command<ContinuityExport>()('The SLA report of a quarter as an Excel workbook.', quarterInput),
  'continuity.settings': query<ClockThresholds>()('When an open promise turns at risk and urgent.', z.strictObject({}).default({})),
  'continuity.updateSettings': command<ClockThresholds>()('Change the at-risk and urgent thresholds.', thresholdsInput),
};
