import './operations.css';
import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { datesInText, day } from '@renderer/components/dates';
import { useRun } from '@renderer/components/useRun';
import { personOf, usePeople } from '@renderer/features/portfolio/people';
import { useModelPage } from '@renderer/features/portfolio/portfolioStore';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import { DateField, FormFooter, NumberField, optionsOf, SelectField, TextArea, TextField } from '@renderer/ui/fields';
import type { ModelRetraining } from '@shared/operations/contract/retraining';
import { cadenceWords, type Triggers } from '@shared/operations/rules/retraining';
import {
  CADENCE_UNITS,
  type CadenceUnit,
  RUN_OUTCOME_LABELS,
  RUN_OUTCOMES,
  type RunOutcome,
  TRIGGER_LABELS,
  TRIGGERS,
  type Trigger,
} from '@shared/operations/rules/vocabulary';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { useState } from 'react';

const UNIT_LABELS: Record<CadenceUnit, string> = { day: 'days', week: 'weeks', month: 'months' };
const OUTCOME_TONE = { new_version: 'ok', no_change: 'neutral', failed: 'critical' } as const;

/** The model page's Retraining tab: what is due and why, the policy (cadence and triggers), logging a run, the log. */
export function ModelRetrainingTab({ model }: { model: ModelDetail }) {
  const data = useProcedure('retraining.forModel', { modelId: model.id });
  const setModelTab = useModelPage((s) => s.setTab);
  if (data.error) return <p className="form__error">{data.error.message}</p>;
  const r = data.data;
  if (!r) return <p className="list-status">Loading…</p>;
  return (
    <div className="ops-model ops-retraining">
      <section aria-labelledby="ops-due">
        <h3 id="ops-due">What is due</h3>
        {r.state.due.length === 0 ? (
          <p className="muted">
            Nothing is due.
            {r.state.nextDueOn && ` Next on its cadence: ${day(r.state.nextDueOn)}.`}
            {r.state.lastRunOn && ` Last completed retraining: ${day(r.state.lastRunOn)}.`}
          </p>
        ) : (
          <ul className="ops-due">
            {r.state.due.map((d) => (
              <li key={`${d.trigger}|${d.sloId ?? ''}`}>
                <Badge tone={r.state.overdue && d.trigger === 'schedule' ? 'critical' : 'attention'} strong>
                  {d.headline}
                </Badge>{' '}
                <span>{datesInText(d.text)}</span>
                {d.sloId && (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={() => setModelTab('monitoring')}>
                      See the breach
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <PolicyForm key={r.policy.updatedAt ?? 'none'} retraining={r} />
      <LogForm retraining={r} clientId={model.clientId} />
      <section aria-labelledby="ops-log">
        <h3 id="ops-log">Retraining log</h3>
        {r.runs.length === 0 ? (
          <EmptyState title="No retraining logged">Log each run with its trigger and what it came to.</EmptyState>
        ) : (
          <table className="table" aria-label="Retraining log">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Trigger</th>
                <th scope="col">Outcome</th>
                <th scope="col">Version</th>
                <th scope="col">Breach</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {r.runs.map((run) => (
                <tr key={run.id}>
                  <td>
                    {day(run.runOn)}
                    {run.frozen && (
                      <div>
                        <Badge tone="attention" title={run.frozen}>
                          In a freeze
                        </Badge>
                      </div>
                    )}
                  </td>
                  <td>{TRIGGER_LABELS[run.trigger]}</td>
                  <td>
                    <Badge tone={OUTCOME_TONE[run.outcome]}>{RUN_OUTCOME_LABELS[run.outcome]}</Badge>
                  </td>
                  <td>{run.versionLabel ?? '—'}</td>
                  <td>{run.breach ? datesInText(run.breach) : '—'}</td>
                  <td>{run.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function PolicyForm({ retraining: r }: { retraining: ModelRetraining }) {
  const [triggers, setTriggers] = useState<Triggers>(r.policy.triggers);
  const [every, setEvery] = useState<number | null>(r.policy.cadence?.every ?? null);
  const [unit, setUnit] = useState<CadenceUnit | ''>(r.policy.cadence?.unit ?? '');
  const save = useCommand('retraining.setPolicy');
  const { error, run } = useRun();
  return (
    <section aria-labelledby="ops-policy">
      <h3 id="ops-policy">Policy</h3>
      <p className="muted">
        Now: {cadenceWords(r.policy.cadence)}; triggers{' '}
        {TRIGGERS.filter((t) => r.policy.triggers[t])
          .map((t) => TRIGGER_LABELS[t].toLowerCase())
          .join(', ')}
        .
      </p>
      <form
        className="form form--boxed"
        noValidate
        aria-label="Retraining policy"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            save.mutateAsync({
              modelId: r.modelId,
              cadence: every !== null && unit ? { every, unit } : null,
              triggers,
            }),
            'Retraining policy saved.',
          );
        }}
      >
        <fieldset className="ops-triggers field--wide">
          <legend>Triggers</legend>
          {TRIGGERS.map((t: Trigger) => (
            <label key={t} className="ops-check">
              <input type="checkbox" checked={triggers[t]} onChange={(e) => setTriggers({ ...triggers, [t]: e.target.checked })} />{' '}
              {TRIGGER_LABELS[t]}
            </label>
          ))}
        </fieldset>
        <NumberField id="policy-every" label="Cadence: every" nullable value={every} onChange={setEvery} error={undefined} />
        <SelectField
          id="policy-unit"
          label="Cadence unit"
          value={unit}
          placeholder="No cadence"
          options={optionsOf(CADENCE_UNITS, UNIT_LABELS)}
          onChange={setUnit}
          error={undefined}
        />
        <FormFooter
          error={error}
          saving={save.isPending}
          submitLabel="Save the policy"
          cancelLabel="Reset"
          onCancel={() => setTriggers(r.policy.triggers)}
        />
      </form>
    </section>
  );
}

function LogForm({ retraining: r, clientId }: { retraining: ModelRetraining; clientId: string }) {
  const people = usePeople(clientId);
  const today = useToday();
  const [runOn, setRunOn] = useState(today);
  const due = r.state.due[0];
  const [trigger, setTrigger] = useState<Trigger | ''>(due?.trigger ?? '');
  const [outcome, setOutcome] = useState<RunOutcome | ''>('');
  const [versionId, setVersionId] = useState('');
  const [label, setLabel] = useState('');
  const [builtBy, setBuiltBy] = useState('');
  const [trainingData, setTrainingData] = useState('');
  const [sloId, setSloId] = useState(due?.sloId ?? '');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const log = useCommand('retraining.log');
  const { error: refused, run } = useRun();
  return (
    <section aria-labelledby="ops-log-run">
      <h3 id="ops-log-run">Log a retraining</h3>
      <form
        className="form form--boxed"
        noValidate
        aria-label="Log a retraining"
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          if (!trigger || !outcome) {
            setError('Choose the trigger and the outcome.');
            return;
          }
          const registering = outcome === 'new_version' && versionId === '';
          run(
            log.mutateAsync({
              modelId: r.modelId,
              runOn,
              trigger,
              outcome,
              versionId: outcome === 'new_version' && versionId ? versionId : null,
              newVersion: registering ? { label, builtBy: personOf(builtBy) ?? { kind: 'specialist', id: '' }, trainingData } : null,
              sloId: sloId || null,
              notes,
            }),
            registering ? `Retraining logged; version ${label} registered.` : 'Retraining logged.',
            () => {
              setOutcome('');
              setLabel('');
              setNotes('');
              setVersionId('');
            },
          );
        }}
      >
        <DateField id="run-on" label="Day" value={runOn} onChange={setRunOn} error={undefined} />
        <SelectField
          id="run-trigger"
          label="Trigger"
          value={trigger}
          placeholder="Choose the trigger"
          options={optionsOf(TRIGGERS, TRIGGER_LABELS)}
          onChange={setTrigger}
          error={undefined}
        />
        <SelectField
          id="run-outcome"
          label="Outcome"
          value={outcome}
          placeholder="Choose the outcome"
          options={optionsOf(RUN_OUTCOMES, RUN_OUTCOME_LABELS)}
          onChange={setOutcome}
          error={undefined}
        />
        {(trigger === 'degradation' || trigger === 'drift') && (
          <SelectField
            id="run-slo"
            label="Breach that raised it"
            value={sloId}
            placeholder={r.breaches.length === 0 ? 'No SLO in breach now' : 'None'}
            options={r.breaches.map((b) => ({ value: b.sloId, label: `${b.metric} (in breach since ${day(b.since.slice(0, 10))})` }))}
            onChange={setSloId}
            error={undefined}
          />
        )}
        {outcome === 'new_version' && (
          <>
            <SelectField
              id="run-version"
              label="Version it produced"
              value={versionId}
              placeholder="Register a new version"
              options={r.versions.map((v) => ({ value: v.id, label: `${v.label} (registered ${day(v.registeredOn)})` }))}
              onChange={setVersionId}
              error={undefined}
            />
            {versionId === '' && (
              <>
                <TextField id="run-label" label="New version’s label" value={label} onChange={setLabel} error={undefined} />
                <SelectField
                  id="run-built-by"
                  label="Built by"
                  value={builtBy}
                  placeholder="Choose who built it"
                  groups={people}
                  onChange={setBuiltBy}
                  error={undefined}
                />
                <TextField id="run-data" label="Training data" value={trainingData} onChange={setTrainingData} error={undefined} wide />
              </>
            )}
          </>
        )}
        <TextArea id="run-notes" label="Notes" value={notes} onChange={setNotes} error={undefined} />
        <FormFooter
          error={error ?? refused}
          saving={log.isPending}
          submitLabel="Log the retraining"
          cancelLabel="Clear"
          onCancel={() => setOutcome('')}
        />
      </form>
    </section>
  );
}
