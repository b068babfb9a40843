import type { TestBackend } from '../../support/backend';
import { type BadInputArea, type CaseTable, MISSING_ID } from '../../support/badInput';
import type { ClientsFixture } from '../clients/badInput.cases';
import type { PortfolioFixture } from '../portfolio/badInput.cases';

/** A draft and a final assessment of the fixture's client (every criterion yes: level 4 everywhere), and a target. */
export type MaturityFixture = { draftId: string; finalId: string; targetId: string; criterionId: string };

async function setUp(b: TestBackend, fx: ClientsFixture & PortfolioFixture): Promise<MaturityFixture> {
  const header = {
    clientId: fx.clientId,
    assessedOn: '2026-11-02',
    assessor: { kind: 'specialist' as const, id: fx.specialistId },
    participants: [fx.contactId],
    frameworks: ['microsoft' as const, 'google' as const],
  };
  const final = await b.ok('assessments.create', header);
  const criteria = final.set.criteria.map((c) => c.id);
  await b.ok('assessments.answer', { id: final.assessment.id, answers: criteria.map((criterionId) => ({ criterionId, answer: 'yes' })) });
  await b.ok('assessments.finalise', { id: final.assessment.id });
  const draft = await b.ok('assessments.create', { ...header, assessedOn: '2026-11-20' });
  const target = await b.ok('maturity.setTarget', {
    clientId: fx.clientId,
    framework: 'microsoft',
    dimension: 'people',
    level: 4,
    dueOn: '2027-06-30',
  });
  return { draftId: draft.assessment.id, finalId: final.assessment.id, targetId: target.id, criterionId: criteria[0] ?? '' };
}

function cases(fx: ClientsFixture & PortfolioFixture & MaturityFixture): CaseTable {
  const { clientId, specialistId, contactId, otherContactId, otherEngagementId, draftId, finalId, criterionId } = fx;
  const header = (over: Record<string, unknown>) => ({
    clientId,
    assessedOn: '2026-11-20',
    assessor: { kind: 'specialist', id: specialistId },
    participants: [contactId],
    frameworks: ['microsoft'],
    ...over,
  });
  const update = (over: Record<string, unknown>) => {
    const { clientId: _client, ...rest } = header(over);
    return { id: draftId, ...rest };
  };
  const answer = (over: Record<string, unknown>, id = draftId) => ({ id, answers: [{ criterionId, answer: 'yes', ...over }] });
  const target = (over: Record<string, unknown>) => ({
    clientId,
    framework: 'microsoft',
    dimension: 'people',
    level: 3,
    dueOn: '2027-06-30',
    ...over,
  });
  return {
    'maturity.frameworks': [{ why: 'an unexpected field', input: { version: '2026.1' }, code: 'invalid_input' }],
    'assessments.list': [
      { why: 'an unknown status', input: { status: 'closed' }, code: 'invalid_input', field: 'status' },
      { why: 'not an id', input: { clientId: 'acme' }, code: 'invalid_input', field: 'clientId' },
    ],
    'assessments.get': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: 'a1' }, code: 'invalid_input', field: 'id' },
    ],
    'assessments.create': [
      {
        why: 'dated in the future',
        input: header({ assessedOn: '2026-12-01' }),
        code: 'invalid_input',
        field: 'assessedOn',
        message: 'An assessment cannot be in the future (today is 24 Nov 2026).',
      },
      { why: 'an implausible date', input: header({ assessedOn: '1890-01-01' }), code: 'invalid_input', field: 'assessedOn' },
      { why: 'no assessor', input: header({ assessor: undefined }), code: 'invalid_input', field: 'assessor' },
      { why: 'no framework', input: header({ frameworks: [] }), code: 'invalid_input', field: 'frameworks' },
      { why: 'an unknown framework', input: header({ frameworks: ['gartner'] }), code: 'invalid_input', field: 'frameworks.0' },
      { why: 'an unknown client', input: header({ clientId: MISSING_ID }), code: 'not_found', field: 'clientId' },
      {
        why: 'an engagement of another client',
        input: header({ engagementId: otherEngagementId }),
        code: 'invalid_input',
        field: 'engagementId',
      },
      {
        why: 'a participant of another client',
        input: header({ participants: [otherContactId] }),
        code: 'invalid_input',
        field: 'participants.0',
      },
      {
        why: 'an unknown assessor',
        input: header({ assessor: { kind: 'contact', id: MISSING_ID } }),
        code: 'not_found',
        field: 'assessor.id',
      },
      {
        why: 'a framework version Keel does not ship',
        input: header({ frameworkRef: 'keel-mlops@1999.1' }),
        code: 'invalid_input',
        field: 'frameworkRef',
      },
      {
        why: 'correcting a draft',
        input: header({ corrects: { assessmentId: draftId, reason: 'Wrong date' } }),
        code: 'invalid_input',
        field: 'corrects.assessmentId',
      },
      {
        why: 'a correction without a reason',
        input: header({ corrects: { assessmentId: finalId, reason: '' } }),
        code: 'invalid_input',
        field: 'corrects.reason',
      },
    ],
    'assessments.update': [
      {
        why: 'a final assessment',
        input: { ...update({}), id: finalId },
        code: 'conflict',
        message: 'The assessment of 2 Nov 2026 is final and cannot change. To correct it, start a new assessment that cites it.',
      },
      { why: 'unknown id', input: { ...update({}), id: MISSING_ID }, code: 'not_found' },
      { why: 'dated in the future', input: update({ assessedOn: '2027-01-04' }), code: 'invalid_input', field: 'assessedOn' },
    ],
    'assessments.answer': [
      {
        why: 'a criterion of another framework version',
        input: answer({ criterionId: 'gartner.hype_cycle' }),
        code: 'invalid_input',
        field: 'answers.0.criterionId',
        message:
          'The answers name a criterion that is not in this assessment’s framework version (keel-mlops@2026.3): gartner.hype_cycle. Nothing was saved.',
      },
      { why: 'a final assessment', input: answer({}, finalId), code: 'conflict' },
      { why: 'an unknown answer', input: answer({ answer: 'maybe' }), code: 'invalid_input', field: 'answers.0.answer' },
      {
        why: 'a link that is not https',
        input: answer({ links: ['http://wiki.example'] }),
        code: 'invalid_input',
        field: 'answers.0.links.0',
      },
      { why: 'an unknown confidence', input: answer({ confidence: 'certain' }), code: 'invalid_input', field: 'answers.0.confidence' },
      { why: 'no answers', input: { id: draftId, answers: [] }, code: 'invalid_input', field: 'answers' },
    ],
    'assessments.finalise': [
      { why: 'already final', input: { id: finalId }, code: 'conflict' },
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
    ],
    'assessments.delete': [
      { why: 'a final assessment', input: { id: finalId }, code: 'conflict' },
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
    ],
    'assessments.scorecard': [
      { why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' },
      { why: 'not an id', input: { id: 'x' }, code: 'invalid_input', field: 'id' },
    ],
    'assessments.summaryPdf': [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
    'maturity.client': [{ why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'maturity.clients': [{ why: 'an unexpected field', input: { clientId }, code: 'invalid_input' }],
    'maturity.setTarget': [
      {
        why: 'below the level reached without a reason',
        input: target({ level: 2 }),
        code: 'invalid_input',
        field: 'reason',
        message: 'A target below the level already reached needs a reason: People is at level 4, the target is 2.',
      },
      { why: 'a level the framework does not have', input: target({ level: 5 }), code: 'invalid_input', field: 'level' },
      { why: 'an unknown dimension', input: target({ dimension: 'culture' }), code: 'invalid_input', field: 'dimension' },
      { why: 'a negative level', input: target({ level: -1 }), code: 'invalid_input', field: 'level' },
      { why: 'an unknown client', input: target({ clientId: MISSING_ID }), code: 'not_found', field: 'clientId' },
      { why: 'not a date', input: target({ dueOn: '30.06.2027' }), code: 'invalid_input', field: 'dueOn' },
    ],
    'maturity.removeTarget': [{ why: 'unknown id', input: { id: MISSING_ID }, code: 'not_found' }],
    'maturity.readiness': [{ why: 'unknown client', input: { clientId: MISSING_ID }, code: 'not_found', field: 'clientId' }],
    'maturity.saveReadiness': [
      { why: 'an unknown question', input: { clientId, answers: { hype: 'yes' } }, code: 'invalid_input' },
      { why: 'an answer other than yes or no', input: { clientId, answers: { silent_failures: 'maybe' } }, code: 'invalid_input' },
      { why: 'an unknown client', input: { clientId: MISSING_ID, answers: {} }, code: 'not_found', field: 'clientId' },
    ],
  };
}

export const maturityBadInput: BadInputArea<ClientsFixture & PortfolioFixture, MaturityFixture> = {
  area: 'maturity',
  prefixes: ['maturity', 'assessments'],
  setUp,
  cases,
};
