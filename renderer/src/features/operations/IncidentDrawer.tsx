import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { datesInText, day } from '@renderer/components/dates';
import { useRun } from '@renderer/components/useRun';
import { Badge } from '@renderer/ui/Badge';
import { Drawer } from '@renderer/ui/Drawer';
import { DateField, SelectField, TextArea, TextField, TimeField } from '@renderer/ui/fields';
import { InstantField, useInstant, utcInstant } from '@renderer/ui/fields/InstantField';
import type { IncidentDetail } from '@shared/operations/contract/incidents';
import { durationWords } from '@shared/operations/rules/incidents';
import { DETECTION_WORDS, ENTRY_LABELS, INCIDENT_STATE_LABELS, SEVERITY_LABELS } from '@shared/operations/rules/vocabulary';
import { useState } from 'react';
import { REVIEW_LABEL, REVIEW_TONE, SEVERITY_TONE, STATE_TONE } from './labels';

const STEPS = ['note', 'acknowledge', 'responder', 'mitigate', 'resolve'] as const;
type Step = (typeof STEPS)[number];
const STEP_LABELS: Record<Step, string> = {
  note: 'Add to the timeline',
  acknowledge: 'Acknowledge',
  responder: 'Change the responder',
  mitigate: 'Mitigate',
  resolve: 'Resolve',
};

/** One incident: what, who responds and why, its clock, the timeline, and the next steps. */
export function IncidentDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const detail = useProcedure('incidents.get', { id });
  const d = detail.data;
  return (
    <Drawer title={d ? d.title : 'Incident'} onClose={onClose}>
      {detail.error ? (
        <p className="form__error">{detail.error.message}</p>
      ) : !d ? (
        <p className="list-status">Loading…</p>
      ) : (
        <IncidentBody incident={d} />
      )}
    </Drawer>
  );
}

function IncidentBody({ incident: d }: { incident: IncidentDetail }) {
  const go = useNav((s) => s.go);
  const steps = STEPS.filter((s) =>
    d.state === 'resolved'
      ? s === 'note'
      : s === 'acknowledge'
        ? d.acknowledgedAt === null
        : s === 'mitigate'
          ? d.mitigatedAt === null
          : true,
  );
  const [step, setStep] = useState<Step | null>(null);
  return (
    <div className="ops-drawer">
      <p>
        <Badge tone={SEVERITY_TONE[d.severity]} strong>
          {SEVERITY_LABELS[d.severity]}
        </Badge>{' '}
        <Badge tone={STATE_TONE[d.state]}>{INCIDENT_STATE_LABELS[d.state]}</Badge>
        {d.review && (
          <>
            {' '}
            <Badge tone={REVIEW_TONE[d.review.state]}>{REVIEW_LABEL[d.review.state]}</Badge>
          </>
        )}
      </p>
      <dl className="ops-facts">
        <dt>Model</dt>
        <dd>
          <button
            type="button"
            className="link"
            onClick={() => go({ area: 'portfolio', recordId: d.modelId, params: { tab: 'incidents' } })}
          >
            {d.modelName}
          </button>{' '}
          <span className="muted">
            {d.clientName}
            {d.engagementName && ` · ${d.engagementName}`}
          </span>
        </dd>
        <dt>Detected</dt>
        <dd>
          {utcInstant(d.detectedAt)} by {DETECTION_WORDS[d.detectedBy]}
          {d.sloMetric && (
            <span className="muted">
              {' '}
              — {d.sloMetric}
              {d.readingValue !== null && ` = ${Number(d.readingValue.toPrecision(4))}`}
              {d.readingAt && ` at ${utcInstant(d.readingAt)}`}
            </span>
          )}
        </dd>
        <dt>Responder</dt>
        <dd>
          {d.responder ? <strong>{d.responder.name}</strong> : <Badge tone="critical">Nobody</Badge>}{' '}
          <span className="muted">{d.responderReason}</span>
        </dd>
        <dt>Clock</dt>
        <dd>
          acknowledged {durationWords(d.times.toAcknowledge)} · mitigated {durationWords(d.times.toMitigate)} · resolved{' '}
          {durationWords(d.times.toResolve)}
          {d.state !== 'resolved' && <span className="muted"> · open {durationWords(d.times.open)}</span>}
        </dd>
        {d.rollback && (
          <>
            <dt>Rollback</dt>
            <dd>
              to {d.rollback.versionLabel} in {d.rollback.environmentName}
            </dd>
          </>
        )}
        {d.review && (
          <>
            <dt>Review</dt>
            <dd>
              due by {day(d.review.dueOn)}
              {d.review.startsAt && `, planned ${day(d.review.startsAt.slice(0, 10))} at ${d.review.startsAt.slice(11, 16)}`}{' '}
              {d.review.seriesId && d.review.startsAt && (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    go({
                      area: 'ceremonies',
                      recordId: null,
                      params: {
                        view: 'week',
                        day: d.review?.startsAt?.slice(0, 10) ?? '',
                        open: `${d.review?.seriesId}|${d.review?.startsAt}`,
                      },
                    })
                  }
                >
                  Open the review
                </button>
              )}
            </dd>
          </>
        )}
        {d.detail && (
          <>
            <dt>Detail</dt>
            <dd className="ops-pre">{d.detail}</dd>
          </>
        )}
      </dl>
      <h3>Timeline</h3>
      <ol className="ops-timeline">
        {d.timeline.map((e) => (
          <li key={e.id}>
            <span className="ops-timeline__at">{utcInstant(e.at)}</span> <strong>{ENTRY_LABELS[e.kind]}</strong>{' '}
            <span className="ops-pre">{datesInText(e.text)}</span> <span className="muted">— {e.actor}</span>
          </li>
        ))}
      </ol>
      <fieldset className="ops-steps">
        <legend className="ui-visually-hidden">Next steps</legend>
        {steps.map((s) => (
          <button
            key={s}
            type="button"
            className={`button ${step === s ? 'button--primary' : 'button--secondary'} button--small`}
            aria-pressed={step === s}
            onClick={() => setStep(step === s ? null : s)}
          >
            {STEP_LABELS[s]}
          </button>
        ))}
      </fieldset>
      {step && <StepForm key={step} step={step} incident={d} onDone={() => setStep(null)} />}
    </div>
  );
}

function StepForm({ step, incident: d, onDone }: { step: Step; incident: IncidentDetail; onDone(): void }) {
  const when = useInstant();
  const [text, setText] = useState('');
  const [person, setPerson] = useState('');
  const [target, setTarget] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [reviewTime, setReviewTime] = useState('10:00');
  const { error, run } = useRun();
  const acknowledge = useCommand('incidents.acknowledge');
  const note = useCommand('incidents.note');
  const responder = useCommand('incidents.setResponder');
  const mitigate = useCommand('incidents.mitigate');
  const resolve = useCommand('incidents.resolve');
  const at = when.instant.replace('.000Z', 'Z');
  const base = { id: d.id, expectedUpdatedAt: d.updatedAt };
  const submit = () => {
    if (step === 'acknowledge') run(acknowledge.mutateAsync({ ...base, at }), 'Acknowledged.', onDone);
    if (step === 'note') run(note.mutateAsync({ ...base, at, text }), 'Added to the timeline.', onDone);
    if (step === 'responder') {
      const [kind, id] = person.split(':');
      run(
        responder.mutateAsync({
          ...base,
          responder: { kind: (kind ?? 'specialist') as 'specialist' | 'contact', id: id ?? '' },
          reason: text,
        }),
        'Responder changed.',
        onDone,
      );
    }
    if (step === 'mitigate') {
      const chosen = d.rollbackTargets.find((t) => `${t.environmentId}|${t.versionId}` === target);
      run(
        mitigate.mutateAsync({
          ...base,
          at,
          text,
          rollback: chosen ? { versionId: chosen.versionId, environmentId: chosen.environmentId } : null,
        }),
        chosen ? `Rolled back to ${chosen.versionLabel}.` : 'Mitigated.',
        onDone,
      );
    }
    if (step === 'resolve')
      run(
        resolve.mutateAsync({ ...base, at, text, review: { date: reviewDate || null, time: reviewTime || '10:00', durationMinutes: 60 } }),
        'Resolved; the post-incident review is planned.',
        onDone,
      );
  };
  return (
    <form
      className="form form--boxed ops-step"
      noValidate
      aria-label={STEP_LABELS[step]}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {step !== 'responder' && (
        <InstantField id={`step-${step}`} label="When" date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} />
      )}
      {step === 'responder' && (
        <SelectField
          id="step-person"
          label="New responder"
          value={person}
          placeholder="Choose who responds"
          options={d.people.map((p) => ({ value: `${p.kind}:${p.id}`, label: `${p.name}${p.kind === 'contact' ? ' (client)' : ''}` }))}
          onChange={setPerson}
          error={undefined}
        />
      )}
      {step === 'mitigate' && (
        <SelectField
          id="step-rollback"
          label="Roll back to"
          value={target}
          placeholder={d.rollbackTargets.length === 0 ? 'No earlier approved champion to roll back to' : 'No rollback'}
          options={d.rollbackTargets.map((t) => ({
            value: `${t.environmentId}|${t.versionId}`,
            label: `${t.versionLabel} (approved) in ${t.environmentName}`,
          }))}
          onChange={setTarget}
          error={undefined}
        />
      )}
      {step !== 'acknowledge' &&
        (step === 'responder' ? (
          <TextField id="step-text" label="Why" value={text} onChange={setText} error={undefined} wide />
        ) : (
          <TextArea
            id="step-text"
            label={step === 'mitigate' ? 'What was done' : step === 'resolve' ? 'How it was resolved' : 'Entry'}
            value={text}
            onChange={setText}
            error={undefined}
          />
        ))}
      {step === 'resolve' && (
        <>
          <DateField
            id="step-review-date"
            label="Review on"
            hint="Empty: the day it is due"
            value={reviewDate}
            onChange={setReviewDate}
            error={undefined}
          />
          <TimeField
            id="step-review-time"
            label="Review at (client’s time)"
            value={reviewTime}
            onChange={setReviewTime}
            error={undefined}
          />
        </>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {STEP_LABELS[step]}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
