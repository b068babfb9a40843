import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { instant } from '@renderer/components/dates';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import type { ReadinessCheck } from '@shared/maturity/contract/overview';
import type { ReadinessAnswer, ReadinessItem, Recommendation } from '@shared/maturity/rules/readiness';
import { useState } from 'react';

const TONE: Record<Recommendation, StatusTone> = { invest: 'critical', start_small: 'attention', not_yet: 'ok', undecided: 'neutral' };

type Choice = ReadinessAnswer | 'portfolio';

/**
 * The readiness check for a prospective or new client: the four signs it needs a dedicated MLOps team and the
 * three "not yet" cases, each answered or left to what the portfolio shows, and the recommendation with its reasons.
 */
export function ReadinessView({ clientId }: { clientId: string }) {
  const check = useProcedure('maturity.readiness', { clientId });
  if (check.isPending) return <p className="muted">Loading…</p>;
  if (check.error) return <p role="alert">{check.error.message}</p>;
  return <ReadinessForm key={`${clientId}-${check.data.updatedAt ?? ''}`} check={check.data} />;
}

function ReadinessForm({ check }: { check: ReadinessCheck }) {
  const save = useCommand('maturity.saveReadiness');
  const toast = useToasts((s) => s.show);
  const [answers, setAnswers] = useState<Partial<Record<ReadinessItem, ReadinessAnswer>>>(check.answers);
  const [notes, setNotes] = useState(check.notes);
  const choose = (item: ReadinessItem, choice: Choice) => {
    const next = { ...answers };
    if (choice === 'portfolio') delete next[item];
    else next[item] = choice;
    setAnswers(next);
  };
  const dirty = JSON.stringify(answers) !== JSON.stringify(check.answers) || notes !== check.notes;
  const line = (l: ReadinessCheck['lines'][number]) => {
    const choice: Choice = answers[l.item] ?? 'portfolio';
    return (
      <li key={l.item} className="mat-readiness__item">
        <fieldset className="mat-readiness__choice">
          <legend>{l.label}</legend>
          {(['yes', 'no', 'portfolio'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name={`readiness-${l.item}`} checked={choice === c} onChange={() => choose(l.item, c)} />{' '}
              {c === 'yes' ? 'Yes' : c === 'no' ? 'No' : 'From the portfolio'}
            </label>
          ))}
        </fieldset>
        <p className="muted">
          Portfolio: {l.computed === null ? 'cannot tell' : l.computed ? 'yes' : 'no'} — {l.computedReason}
        </p>
        {l.disagrees && (
          <p className="mat-flag">
            <Badge tone="attention">Disagrees</Badge> The saved answer says {l.answer}; the portfolio says {l.computed ? 'yes' : 'no'}.
          </p>
        )}
      </li>
    );
  };
  return (
    <div className="mat-readiness">
      <section className={`mat-recommendation mat-recommendation--${check.recommendation}`} aria-labelledby="mat-recommendation">
        <h2 id="mat-recommendation">
          <Badge tone={TONE[check.recommendation]} strong>
            Recommendation
          </Badge>{' '}
          {check.headline}
        </h2>
        <ul>
          {check.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {check.updatedAt && <p className="muted">Answers saved {instant(check.updatedAt)}.</p>}
      </section>
      <form
        aria-label="Readiness questions"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { clientId: check.clientId, answers, notes },
            {
              onSuccess: (r) => toast({ tone: 'info', message: `Readiness saved: ${r.headline}` }),
              onError: (err) => toast({ tone: 'error', message: err.message }),
            },
          );
        }}
      >
        <h3>The four signs a client needs a dedicated team</h3>
        <ul className="mat-readiness__list">{check.lines.filter((l) => l.kind === 'sign').map(line)}</ul>
        <h3>The cases where it does not yet</h3>
        <ul className="mat-readiness__list">{check.lines.filter((l) => l.kind === 'not_yet').map(line)}</ul>
        <div className="field field--wide">
          <label htmlFor="mat-readiness-notes">Notes</label>
          <textarea id="mat-readiness-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={!dirty || save.isPending}>
            Save answers
          </button>
        </div>
      </form>
    </div>
  );
}
