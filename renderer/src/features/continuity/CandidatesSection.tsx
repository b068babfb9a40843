import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNow } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import { DateField, FormFooter, SelectField, TextField, useSchemaForm } from '@renderer/ui/fields';
import { candidateFields, type ReplacementCandidate, type ReplacementItem } from '@shared/continuity/contract';
import { localDateOf } from '@shared/kernel/timeZone';
import { useState } from 'react';

const CANDIDATE_TONE = { proposed: 'info', accepted: 'ok', rejected: 'neutral' } as const satisfies Record<string, StatusTone>;
const CANDIDATE_LABEL = { proposed: 'Proposed', accepted: 'Accepted', rejected: 'Rejected' } as const;

/** Candidates proposed to the client, and the client's decision on each. */
export function CandidatesSection({ request: r }: { request: ReplacementItem }) {
  const [proposing, setProposing] = useState(false);
  const open = r.status === 'open';
  if (!open && r.candidates.length === 0) return null;
  return (
    <section className="drawer__section" aria-label="Candidates">
      <div className="section-head">
        <h3>Candidates</h3>
        {open && !proposing && (
          <button type="button" className="button button--small" onClick={() => setProposing(true)}>
            Propose candidate…
          </button>
        )}
      </div>
      {r.candidates.length === 0 && !proposing && <p className="muted section-empty">No candidate proposed yet.</p>}
      <ul className="item-list">
        {r.candidates.map((c) => (
          <CandidateRow key={c.id} candidate={c} open={open} canAccept={!r.candidates.some((other) => other.status === 'accepted')} />
        ))}
      </ul>
      {proposing && <ProposeForm request={r} onDone={() => setProposing(false)} />}
    </section>
  );
}

/** One replacement per request: once a candidate is accepted, the others can only be rejected. */
function CandidateRow({ candidate: c, open, canAccept }: { candidate: ReplacementCandidate; open: boolean; canAccept: boolean }) {
  const decide = useCommand('replacements.decideCandidate');
  const toast = useToasts((s) => s.show);
  const run = (decision: 'accepted' | 'rejected') =>
    decide.mutate(
      { id: c.id, decision },
      {
        onSuccess: () => toast({ tone: 'info', message: `${c.name} ${decision === 'accepted' ? 'accepted' : 'rejected'} by the client.` }),
        onError: (e) => toast({ tone: 'error', message: e.message }),
      },
    );
  return (
    <li className="item-list__item">
      <div>
        <div className="item-list__title">
          {c.name} <Badge tone={CANDIDATE_TONE[c.status]}>{CANDIDATE_LABEL[c.status]}</Badge>
        </div>
        <div className="item-list__sub">
          Proposed {day(c.proposedOn)}
          {c.decidedOn && ` · ${c.status} ${day(c.decidedOn)}`}
          {c.specialistId === null && ' · no specialist record yet'}
        </div>
      </div>
      {open && c.status === 'proposed' && (
        <div className="item-list__actions">
          {canAccept && (
            <button
              type="button"
              className="button button--small"
              aria-label={`Client accepted ${c.name}`}
              disabled={decide.isPending}
              onClick={() => run('accepted')}
            >
              Client accepted
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            aria-label={`Client rejected ${c.name}`}
            disabled={decide.isPending}
            onClick={() => run('rejected')}
          >
            Client rejected
          </button>
        </div>
      )}
    </li>
  );
}

function ProposeForm({ request, onDone }: { request: ReplacementItem; onDone(): void }) {
  const propose = useCommand('replacements.proposeCandidate');
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const toast = useToasts((s) => s.show);
  const now = useNow();
  const form = useSchemaForm(candidateFields, {
    requestId: request.id,
    name: '',
    specialistId: null,
    // Today where the client is: the backend checks the date against the client's calendar.
    proposedOn: localDateOf(now.toISOString(), request.timeZone),
  });
  const { values } = form;
  const people = (specialists.data?.rows ?? [])
    .filter((s) => s.id !== request.outgoingSpecialistId && s.status !== 'left')
    .map((s) => ({ value: s.id, label: s.fullName }));
  const external = { value: '', label: 'None yet (an external candidate)' };
  return (
    <form
      className="form form--boxed"
      noValidate
      aria-label="Propose a candidate"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => {
          await propose.mutateAsync(data);
          toast({ tone: 'info', message: `Proposed ${data.name}.` });
          onDone();
        });
      }}
    >
      <h3 className="form__title">Propose a candidate</h3>
      <TextField {...form.field('name')} id="candidate-name" autoFocus />
      <DateField {...form.field('proposedOn')} id="candidate-proposed" label="Proposed on" />
      <SelectField
        {...form.field('specialistId')}
        id="candidate-specialist"
        label="Specialist record"
        value={values.specialistId ?? ''}
        options={[external, ...people]}
        hint="Link the candidate once they have a record: fulfilling then offers them."
        onChange={(v) => {
          const chosen = people.find((p) => p.value === v);
          form.set('specialistId', v === '' ? null : v);
          if (chosen && values.name.trim() === '') form.set('name', chosen.label);
        }}
        wide
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Propose" onCancel={onDone} />
    </form>
  );
}
