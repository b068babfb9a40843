import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { DateField, FormFooter, SelectField, TextArea, TextField, useSchemaForm } from '@renderer/ui/fields';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { approvalFields, type ModelVersion, versionFields } from '@shared/portfolio/contract/versions';
import { ATTACHED_EVIDENCE, ATTACHED_EVIDENCE_LABELS, type AttachedEvidence, EVIDENCE_NEEDS } from '@shared/portfolio/rules/policy';
import { useState } from 'react';
import { personOf, personValue, usePeople } from './people';

const DECISION_LABELS = { approved: 'Approved', approved_with_conditions: 'Approved with conditions', rejected: 'Rejected' } as const;
const DECISION_TONE = { approved: 'ok', approved_with_conditions: 'attention', rejected: 'critical' } as const;

/** A model's versions with their approvals, and what the client's promotion policy still asks of each. */
export function VersionsTab({ model }: { model: ModelDetail }) {
  const view = useProcedure('versions.list', { modelId: model.id });
  const [adding, setAdding] = useState(false);
  if (view.error) return <p className="list-status list-status--error">{view.error.message}</p>;
  const v = view.data;
  if (!v) return <p className="list-status">Loading…</p>;
  return (
    <div className="versions">
      <p className="list-status">
        {v.policyVersion === 0 ? 'Keel’s default promotion policy' : `The client’s promotion policy, version ${v.policyVersion},`} asks of
        each version before production: {v.required.length === 0 ? 'nothing' : v.required.map((k) => EVIDENCE_NEEDS[k]).join('; ')}.
      </p>
      {adding ? (
        <VersionForm model={model} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          Register a version
        </button>
      )}
      {v.versions.length === 0 ? (
        <p className="muted">No version registered yet.</p>
      ) : (
        <ol className="version-list" aria-label="Versions">
          {v.versions.map((version) => (
            <VersionCard key={version.id} model={model} version={version} />
          ))}
        </ol>
      )}
    </div>
  );
}

function VersionCard({ model, version: v }: { model: ModelDetail; version: ModelVersion }) {
  const [approving, setApproving] = useState(false);
  return (
    <li className="version-card" aria-label={`Version ${v.label}`}>
      <h3>
        {v.label}{' '}
        {v.missing.length === 0 ? (
          <Badge tone="ok">Meets the promotion policy</Badge>
        ) : (
          <Badge tone="attention">{`Lacks ${v.missing.length} ${v.missing.length === 1 ? 'piece' : 'pieces'} of evidence`}</Badge>
        )}
      </h3>
      <p className="muted">
        Built by {v.builtByName} · registered {day(v.registeredOn)}
      </p>
      {v.missing.length > 0 && <p className="version-card__missing">Still needs {v.missing.map((k) => EVIDENCE_NEEDS[k]).join('; ')}.</p>}
      <dl className="facts">
        <dt>Training data</dt>
        <dd>{v.trainingData || '—'}</dd>
        <dt>Evaluation</dt>
        <dd>{v.evaluations.length ? v.evaluations.map((e) => `${e.metric} = ${e.value} on ${e.dataset}`).join(' · ') : '—'}</dd>
        <dt>Evidence</dt>
        <dd>{v.evidence.length ? v.evidence.map((e) => `${ATTACHED_EVIDENCE_LABELS[e.kind]}: ${e.text}`).join(' · ') : '—'}</dd>
        {v.notes && (
          <>
            <dt>Notes</dt>
            <dd>{v.notes}</dd>
          </>
        )}
      </dl>
      <h4>Approvals</h4>
      {v.approvals.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="related">
          {v.approvals.map((a) => (
            <li key={a.id}>
              <Badge tone={DECISION_TONE[a.decision]}>{DECISION_LABELS[a.decision]}</Badge> by {a.approverName} on {day(a.decidedOn)}
              {a.evidenceText && <span className="muted"> · {a.evidenceText}</span>}
              {a.evidenceLink && (
                <>
                  {' '}
                  <a href={a.evidenceLink} target="_blank" rel="noreferrer noopener">
                    evidence
                  </a>
                </>
              )}
              {a.conditions && <div className="muted">Conditions: {a.conditions}</div>}
            </li>
          ))}
        </ul>
      )}
      {approving ? (
        <ApprovalForm model={model} version={v} onDone={() => setApproving(false)} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setApproving(true)}>
          Record a decision
        </button>
      )}
    </li>
  );
}

/** "AUC = 0.81 @ holdout 2025", one a line. */
function parseEvaluations(text: string): { metric: string; value: number; dataset: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(.+?)\s*=\s*(-?[\d.,]+)\s*(?:@|on)\s*(.+)$/.exec(line);
      return m
        ? { metric: m[1] ?? '', value: Number((m[2] ?? '').replace(',', '.')), dataset: m[3] ?? '' }
        : { metric: line, value: Number.NaN, dataset: '' };
    });
}

function VersionForm({ model, onDone }: { model: ModelDetail; onDone(): void }) {
  const today = useToday();
  const people = usePeople(model.clientId);
  const create = useCommand('versions.create');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(
    versionFields,
    {
      modelId: model.id,
      label: '',
      builtBy: { kind: 'specialist', id: '' },
      registeredOn: today,
      trainingData: '',
      evaluations: [],
      evidence: [],
      notes: '',
    },
    { idPrefix: 'version' },
  );
  const [evalText, setEvalText] = useState('');
  const [evidence, setEvidence] = useState<Record<AttachedEvidence, string>>({
    fairness_test: '',
    explainability_report: '',
    data_lineage: '',
    access_review: '',
  });
  const builtBy = form.field('builtBy');
  const setEvidenceText = (kind: AttachedEvidence, text: string) => {
    const next = { ...evidence, [kind]: text };
    setEvidence(next);
    form.set(
      'evidence',
      ATTACHED_EVIDENCE.filter((k) => next[k].trim() !== '').map((k) => ({ kind: k, text: next[k], link: '' })),
    );
  };
  return (
    <form
      className="form form--boxed version-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          const created = await create.mutateAsync(values);
          toast({ tone: 'info', message: `Registered version ${created.label}.` });
          onDone();
        });
      }}
    >
      <h3 className="form__title">New version</h3>
      <TextField {...form.field('label')} />
      <SelectField
        {...builtBy}
        label="Built by"
        value={builtBy.value.id ? personValue(builtBy.value) : ''}
        placeholder="Choose who built it"
        groups={people}
        onChange={(v) => {
          const p = personOf(v);
          if (p) form.set('builtBy', p);
        }}
        error={builtBy.error ? 'must be chosen' : undefined}
      />
      <DateField {...form.field('registeredOn')} label="Registered on" />
      <TextField {...form.field('trainingData')} label="Training data snapshot" hint="Dataset, period and hash." wide />
      <TextArea
        {...form.field('evaluations')}
        label="Evaluation results"
        value={evalText}
        hint="One a line: metric = value @ dataset, such as AUC = 0.81 @ holdout 2025."
        onChange={(v) => {
          setEvalText(v);
          form.set('evaluations', parseEvaluations(v));
        }}
      />
      {ATTACHED_EVIDENCE.map((k) => (
        <TextField
          key={k}
          id={`version-evidence-${k}`}
          label={ATTACHED_EVIDENCE_LABELS[k]}
          value={evidence[k]}
          error={undefined}
          hint="Where it is and what it found; empty when there is none."
          onChange={(v) => setEvidenceText(k, v)}
        />
      ))}
      <TextArea {...form.field('notes')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Register version" onCancel={onDone} />
    </form>
  );
}

function ApprovalForm({ model, version, onDone }: { model: ModelDetail; version: ModelVersion; onDone(): void }) {
  const today = useToday();
  const people = usePeople(model.clientId);
  const create = useCommand('approvals.create');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(
    approvalFields,
    {
      versionId: version.id,
      approver: { kind: 'contact', id: '' },
      decision: '',
      decidedOn: today,
      evidenceText: '',
      evidenceLink: '',
      conditions: '',
    },
    { idPrefix: `approval-${version.id}` },
  );
  const approver = form.field('approver');
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await create.mutateAsync(values);
          toast({ tone: 'info', message: `Recorded the decision on ${version.label}.` });
          onDone();
        });
      }}
    >
      <h3 className="form__title">Decision on {version.label}</h3>
      <SelectField
        {...approver}
        label="Approver"
        value={approver.value.id ? personValue(approver.value) : ''}
        placeholder="Choose the approver"
        groups={people}
        onChange={(v) => {
          const p = personOf(v);
          if (p) form.set('approver', p);
        }}
        error={approver.error ? 'must be chosen' : undefined}
      />
      <SelectField
        {...form.field('decision')}
        placeholder="Choose a decision"
        options={(['approved', 'approved_with_conditions', 'rejected'] as const).map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
      />
      <DateField {...form.field('decidedOn')} label="Decided on" />
      <TextField {...form.field('evidenceText')} label="Evidence" />
      <TextField {...form.field('evidenceLink')} label="Evidence link" placeholder="https://" />
      <TextArea {...form.field('conditions')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Record decision" onCancel={onDone} />
    </form>
  );
}
