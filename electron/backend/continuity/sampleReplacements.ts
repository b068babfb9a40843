import type { ReplacementReason } from '@shared/continuity/rules/replacement';

/**
 * The sample replacement requests around late 2026: in Q3 one met (a
 * health-related replacement on the claims engagement) and one breached (a
 * client pause, then a start three business days late, with the reason on
 * record); in Q4 one the client withdrew, one at risk with a pause and two
 * candidates, and one just started. Dates and times are the client's own;
 * the dates are authored against SAMPLE_ANCHOR (core/sample.ts) and move with
 * the load day, the times of day stay.
 */
export type SampleReplacement = {
  engagement: string;
  outgoing: string;
  reason: ReplacementReason;
  submittedDate: string;
  submittedTime: string;
  submittedBy: string;
  notes: string;
  pauses?: { startDate: string; endDate: string; reason: string }[];
  candidates?: { name: string; specialist?: string; proposedOn: string; decision?: { outcome: 'accepted' | 'rejected'; on: string } }[];
  outcome?:
    | { fulfilledBy: string; startDate: string; endDate: string; outgoingEndDate: string; lateReason?: string }
    | { cancelledOn: string; reason: string };
};

export const SAMPLE_REPLACEMENTS: SampleReplacement[] = [
  {
    engagement: 'Claims triage model run',
    outgoing: 'Rafael Oliveira',
    reason: 'health',
    submittedDate: '2026-08-03',
    submittedTime: '09:05',
    submittedBy: 'Dana Whitfield, VP Claims Analytics',
    notes: 'Rafael on extended medical leave; on-call rotation must stay covered.',
    candidates: [
      {
        name: 'Nikola Stojanovski',
        specialist: 'Nikola Stojanovski',
        proposedOn: '2026-08-05',
        decision: { outcome: 'accepted', on: '2026-08-07' },
      },
    ],
    outcome: { fulfilledBy: 'Nikola Stojanovski', startDate: '2026-08-12', endDate: '2026-12-31', outgoingEndDate: '2026-08-14' },
  },
  {
    engagement: 'Demand forecasting platform',
    outgoing: 'Ioana Constantinescu',
    reason: 'performance',
    submittedDate: '2026-09-10',
    submittedTime: '14:30',
    submittedBy: 'Jens Albrecht, Head of Data Platform',
    notes: 'Client wants a more senior streaming profile for the ETA features.',
    pauses: [{ startDate: '2026-09-14', endDate: '2026-09-15', reason: 'Client postponed the interviews (platform release week).' }],
    candidates: [
      { name: 'Kateryna Melnyk', proposedOn: '2026-09-16', decision: { outcome: 'rejected', on: '2026-09-18' } },
      {
        name: 'Timur Rakhimov',
        specialist: 'Timur Rakhimov',
        proposedOn: '2026-09-21',
        decision: { outcome: 'accepted', on: '2026-09-22' },
      },
    ],
    outcome: {
      fulfilledBy: 'Timur Rakhimov',
      startDate: '2026-09-28',
      endDate: '2027-03-31',
      outgoingEndDate: '2026-09-30',
      lateReason: 'The first candidate was rejected; the client’s access onboarding then took three days.',
    },
  },
  {
    engagement: 'Credit risk model operations',
    outgoing: 'Piotr Kowalski',
    reason: 'client_request',
    submittedDate: '2026-10-05',
    submittedTime: '11:20',
    submittedBy: 'Dr. Katrin Meier, Head of Model Risk',
    notes: 'Asked for a platform lead with FINMA audit experience.',
    outcome: {
      cancelledOn: '2026-10-07',
      reason: 'Withdrawn after the quarterly service review: Piotr stays until the AML engagement starts.',
    },
  },
  {
    engagement: 'Credit risk model operations',
    outgoing: 'Agnieszka Nowak',
    reason: 'resignation',
    submittedDate: '2026-11-18',
    submittedTime: '10:15',
    submittedBy: 'Dr. Katrin Meier, Head of Model Risk',
    notes: 'Agnieszka resigned; her last day is 2026-12-11. The SRE seat covers the credit models’ on-call.',
    pauses: [{ startDate: '2026-11-25', endDate: '2026-11-26', reason: 'Client postponed interviews until after its board meeting.' }],
    candidates: [
      { name: 'Tomasz Zieliński', proposedOn: '2026-11-20', decision: { outcome: 'rejected', on: '2026-11-23' } },
      { name: 'Rafael Oliveira', specialist: 'Rafael Oliveira', proposedOn: '2026-11-23' },
    ],
  },
  {
    engagement: 'Fraud scoring pilot',
    outgoing: 'Valentina Gómez',
    reason: 'relocation',
    submittedDate: '2026-11-20',
    submittedTime: '16:40',
    submittedBy: 'Dana Whitfield, VP Claims Analytics',
    notes: 'Valentina relocates to Madrid when the pilot ends; the client wants continuity through the production decision.',
  },
];
