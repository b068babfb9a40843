import type { SampleStep } from '@backend/core/sample';
import { type SeriesInput, seriesInput } from '@shared/ceremonies/contract/series';
import { expand } from '@shared/ceremonies/rules/recurrence';
import { cancelOccurrence, createAction, recordOutcome, updateAction } from './occurrenceService';
import { scheduleOf } from './occurrences';
import { createFreeze } from './rhythmService';
import { createSeries } from './seriesService';

type SampleSeries = Omit<SeriesInput, 'engagementId' | 'participants' | 'modelIds'> & {
  engagement: string;
  accountable: { kind: 'specialist' | 'contact'; name: string }[];
  attendees: { kind: 'specialist' | 'contact'; name: string }[];
  models: string[];
  /** Occurrences counted back from the latest past one (1 = the latest): left unrecorded (missed), recorded not held, cancelled. */
  missed?: number[];
  notHeld?: number[];
  cancelled?: number[];
};

const SERIES: readonly SampleSeries[] = [
  {
    engagement: 'Credit risk model operations',
    type: 'model_review',
    title: 'PD model performance review',
    startDate: '2026-07-09',
    startTime: '10:00',
    durationMinutes: 60,
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    meetingUrl: 'https://meet.alpenbank.example/pd-review',
    agenda: 'Discrimination and calibration since the last review\nOverrides by branch\nChallenger status\nOpen action items',
    accountable: [
      { kind: 'specialist', name: 'Andrei Popescu' },
      { kind: 'contact', name: 'Dr. Katrin Meier' },
    ],
    attendees: [{ kind: 'contact', name: 'Lukas Brunner' }],
    models: ['Retail credit PD scorecard'],
    missed: [3],
    cancelled: [5],
  },
  {
    engagement: 'Credit risk model operations',
    type: 'deployment_window',
    title: 'Credit risk deployment window',
    startDate: '2026-09-01',
    startTime: '14:00',
    durationMinutes: 90,
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    location: 'Alpenbank change board room',
    agenda: 'Approved changes only; rollback plan attached to each.',
    accountable: [{ kind: 'specialist', name: 'Piotr Kowalski' }],
    attendees: [{ kind: 'specialist', name: 'Andrei Popescu' }],
    models: ['Retail credit PD scorecard'],
  },
  {
    engagement: 'Credit risk model operations',
    type: 'billing_review',
    title: 'Monthly hours and invoice review',
    startDate: '2026-06-30',
    startTime: '16:00',
    durationMinutes: 45,
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    accountable: [{ kind: 'contact', name: 'Lukas Brunner' }],
    attendees: [{ kind: 'specialist', name: 'Andrei Popescu' }],
    models: [],
  },
  {
    engagement: 'Recommendation engine operations',
    type: 'model_review',
    title: 'Recommender weekly review',
    startDate: '2026-09-07',
    startTime: '09:30',
    durationMinutes: 45,
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
    meetingUrl: 'https://meet.thameside.example/recsys',
    agenda: 'Click-through and conversion by segment\nLatency\nEmbedding drift',
    accountable: [{ kind: 'contact', name: 'Priya Shah' }],
    attendees: [],
    models: ['Homepage product recommender'],
    notHeld: [2],
  },
];

/** The rhythm of two engagements: reviews with outcomes, decisions and action items (one carried, one overdue), windows, a freeze. */
export const ceremoniesSample: SampleStep = {
  area: 'ceremonies',
  load(ctx, run) {
    let series = 0;
    let recorded = 0;
    let actions = 0;
    const person = (p: { kind: 'specialist' | 'contact'; name: string }) => ({ kind: p.kind, id: run.id(p.name) });
    const now = ctx.now();
    for (const s of SERIES) {
      const { engagement, accountable, attendees, models, missed = [], notHeld = [], cancelled = [], ...fields } = s;
      const created = createSeries(
        ctx,
        seriesInput.parse({
          ...fields,
          engagementId: run.id(engagement),
          startDate: run.date(fields.startDate),
          participants: [
            ...accountable.map((p) => ({ ...person(p), role: 'accountable' as const })),
            ...attendees.map((p) => ({ ...person(p), role: 'attendee' as const })),
          ],
          modelIds: models.map((m) => run.id(m)),
        }),
      );
      run.remember(created.title, created.id);
      series += 1;
      const past = expand(created.id, scheduleOf(created), [], `${created.startDate}T00:00:00Z`, now).filter((o) => o.endsAt < now);
      const back = (n: number) => past[past.length - n];
      for (const n of cancelled) {
        const o = back(n);
        if (o) cancelOccurrence(ctx, { seriesId: created.id, key: o.key, reason: 'Public holiday at the client' });
      }
      past.forEach((o, i) => {
        const fromEnd = past.length - i;
        if (missed.includes(fromEnd) || cancelled.includes(fromEnd)) return;
        recordOutcome(ctx, {
          seriesId: created.id,
          key: o.key,
          status: notHeld.includes(fromEnd) ? 'not_held' : 'held',
          notes: notHeld.includes(fromEnd) ? 'The client team was at the peak-trading readiness drill.' : '',
          attendance: created.participants.map((p) => ({ kind: p.kind, id: p.id, present: true })),
          decisions:
            created.type === 'model_review' && fromEnd === 2 && !notHeld.includes(fromEnd)
              ? [
                  {
                    text: 'Keep the current champion until the challenger has four weeks of shadow traffic.',
                    modelId: created.models[0]?.id ?? null,
                  },
                ]
              : [],
        });
        recorded += 1;
      });
      if (s.title === 'PD model performance review') {
        const raise = (n: number, title: string, owner: string, dueInDays: number) => {
          const o = back(n) as NonNullable<ReturnType<typeof back>>;
          const due = new Date(Date.parse(`${o.date}T00:00:00Z`) + dueInDays * 86_400_000).toISOString().slice(0, 10);
          actions += 1;
          return createAction(ctx, {
            seriesId: created.id,
            occurrenceKey: o.key,
            title,
            owner: { kind: owner === 'Dr. Katrin Meier' ? 'contact' : 'specialist', id: run.id(owner) },
            dueDate: due,
            modelId: created.models[0]?.id ?? null,
          });
        };
        const done = raise(6, 'Re-run the PD back-test on the Q3 defaults', 'Andrei Popescu', 14);
        updateAction(ctx, {
          id: done.id,
          title: done.title,
          owner: done.owner,
          dueDate: done.dueDate,
          status: 'done',
          modelId: done.modelId,
        });
        raise(4, 'Agree the override policy for branch managers with Credit Risk', 'Dr. Katrin Meier', 10);
        raise(1, 'Prepare the challenger comparison for the next review', 'Andrei Popescu', 12);
      }
    }
    createFreeze(ctx, {
      engagementId: run.id('Credit risk model operations'),
      startsOn: run.date('2026-12-14'),
      endsOn: run.date('2027-01-08'),
      reason: 'Year-end change freeze',
    });
    return { ceremonySeries: series, ceremonyOccurrences: recorded, actionItems: actions, freezes: 1 };
  },
};
