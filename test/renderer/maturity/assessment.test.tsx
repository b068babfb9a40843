import '@renderer/app/areas';
import { createClient } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { pinClock } from '@renderer/app/clock';
import { AssessmentPage } from '@renderer/features/maturity/AssessmentPage';
import { RadarWithTable } from '@renderer/features/maturity/charts';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import type { Result } from '@shared/contract';
import type { AssessmentDetail } from '@shared/maturity/contract/assessments';
import { crossCheck, measure } from '@shared/maturity/rules/crossCheck';
import { assessmentLevels, progressOf } from '@shared/maturity/rules/levels';
import type { Answer } from '@shared/maturity/rules/vocabulary';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SET } from '../../unit/maturity/fixtures';

const ID = '01a24b1a-f622-7308-b267-7002a5f06510';

/** An assessment of the hand-worked test set, its levels and cross-check computed by the shared rules (as the backend does). */
function detailOf(given: Record<string, Answer>, status: 'draft' | 'final' = 'draft'): AssessmentDetail {
  const answers = new Map(Object.entries(given));
  const facts = [0, 1, 2].map((i) => ({
    modelId: `m${i}`,
    name: `Model ${i}`,
    lineage: true,
    approvedChampion: i > 0,
    ownershipDocumented: true,
    cardComplete: true,
    rollbackPossible: true,
    hasSlos: true,
    monitoredRecently: true,
    driftWatched: true,
    retrainingTriggers: true,
    retrainedOnCadence: true,
    rollbacksApproved: true,
  }));
  const checks = crossCheck(SET.criteria, answers, measure(facts));
  return {
    assessment: {
      id: ID,
      clientId: 'c',
      clientName: 'Thameside Retail plc',
      engagementId: null,
      engagementName: null,
      assessedOn: '2026-11-20',
      assessor: { kind: 'specialist', id: 's' },
      assessorName: 'Ioana Constantinescu',
      participants: [],
      participantNames: [],
      frameworkHash: 'a'.repeat(64),
      frameworkRef: 'test@1',
      frameworkName: 'Test set',
      frameworks: ['microsoft', 'google'],
      overallRule: 'lowest',
      status,
      finalisedAt: status === 'final' ? '2026-11-21T10:00:00.000Z' : null,
      correctsId: null,
      correctionReason: '',
      notes: '',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
    set: SET,
    answers: [...answers].map(([criterionId, answer]) => ({
      criterionId,
      answer,
      evidence: '',
      links: [],
      confidence: 'medium',
      updatedAt: '2026-11-20T10:00:00.000Z',
    })),
    levels: assessmentLevels(SET, ['microsoft', 'google'], answers, 'lowest'),
    progress: progressOf(SET, answers),
    crossChecks: checks,
    contradictions: checks.filter((c) => c.verdict === 'contradicts').length,
    unmeasured: SET.criteria.filter((c) => c.measure === null).length,
    correctedBy: null,
  };
}

function renderWith(node: ReactNode, answers: Record<string, (input: unknown) => Result<unknown>>) {
  const calls: { name: string; input: unknown }[] = [];
  const client = createClient(async (name, input): Promise<Result<unknown>> => {
    calls.push({ name, input });
    const answer = answers[name];
    return answer ? answer(input) : { ok: false, error: { code: 'internal', message: `No ${name} in this test.` } };
  });
  render(
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        {node}
        <ConfirmHost />
      </QueryClientProvider>
    </ClientContext.Provider>,
  );
  return calls;
}

afterEach(cleanup);
beforeEach(() => pinClock('2026-11-24T09:00:00Z'));

describe('an assessment page', () => {
  it('names the blocking criterion, flags the contradiction, and answers the focused criterion from the keyboard', async () => {
    const draft = detailOf({ a1: 'yes', a2: 'partly', b1: 'yes', b2: 'yes' });
    const calls = renderWith(<AssessmentPage id={ID} />, {
      'assessments.get': () => ({ ok: true, value: draft }),
      'assessments.answer': () => ({ ok: true, value: draft }),
    });
    const levels = await screen.findByRole('table', { name: 'MS levels' });
    const people = within(levels).getByRole('row', { name: /^People / });
    expect(people.querySelector('.mat-blocker')?.textContent).toBe('Question a2');
    // b1 answered yes while one of three production models has no approved champion.
    expect(
      screen.getAllByText('Keel measured: Answered yes; Keel shows 1 of 3 production models without an approved champion.').length,
    ).toBe(1);

    const row = screen.getByRole('listitem', { name: 'Question a2 — Partly' });
    row.focus();
    await userEvent.keyboard('y');
    await waitFor(() => expect(calls.some((c) => c.name === 'assessments.answer')).toBe(true));
    expect(calls.find((c) => c.name === 'assessments.answer')?.input).toEqual({
      id: ID,
      answers: [{ criterionId: 'a2', answer: 'yes', evidence: '', links: [], confidence: 'medium' }],
    });
    await userEvent.keyboard('j');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Question a3 — not answered');
  });

  it('shows a final assessment read-only', async () => {
    renderWith(<AssessmentPage id={ID} />, { 'assessments.get': () => ({ ok: true, value: detailOf({ a1: 'yes' }, 'final') }) });
    await screen.findByRole('heading', { name: /Assessment of .*Final/ });
    expect(screen.queryAllByRole('group', { name: /^Answer: / })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Finalise' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Correct this assessment' })).toBeTruthy();
  });
});

describe('the radar', () => {
  it('holds the same numbers in a table beside the chart', () => {
    render(
      <RadarWithTable
        axes={{ key: 'microsoft', name: 'MS', levels: [0, 1, 2].map((level) => ({ level, name: `L${level}` })), dimensions: [] }}
        caption="MS: current, previous and target"
        rows={[
          { dimension: 'People', current: 2, previous: 1, target: 3 },
          { dimension: 'Release', current: 1, previous: null, target: null },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'MS: current, previous and target (table)' });
    expect(within(table).getByRole('row', { name: 'People 2 1 3' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: 'Release 1 — —' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^MS: current, previous and target: People current 2, previous 1, target 3/ }).tabIndex).toBe(0);
  });
});
