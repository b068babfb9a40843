import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { Slot } from '@renderer/app/slots';
import { useNav, useToasts } from '@renderer/app/stores';
import { day, instant } from '@renderer/components/dates';
import { RecordHistory } from '@renderer/components/RecordHistory';
import { Badge } from '@renderer/ui/Badge';
import { Drawer } from '@renderer/ui/Drawer';
import { DateField, FormFooter, SelectField, TextArea, useSchemaForm } from '@renderer/ui/fields';
import { Tabs } from '@renderer/ui/Tabs';
import { type ModelDetail, stageMoveInput } from '@shared/portfolio/contract/models';
import {
  AI_ACT_CATEGORY_LABELS,
  LINK_KIND_LABELS,
  LINK_KINDS,
  type LinkKind,
  MODEL_KIND_LABELS,
  REGULATED_DOMAIN_LABELS,
  RISK_TIER_LABELS,
  SERVING_MODE_LABELS,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from '@shared/portfolio/rules/vocabulary';
import { type ReactNode, useState } from 'react';
import { DeploymentsTab } from './DeploymentsTab';
import { AuditPackButton } from './ExportButtons';
import { HistoryTab } from './HistoryTab';
import { CATEGORY_TONE, daysWords, RISK_TONE, STAGE_TONE } from './labels';
import { ModelCardTab } from './ModelCardTab';
import { ModelForm, modelValues } from './ModelForm';
import { type ModelTab, useModelPage } from './portfolioStore';
import { VersionsTab } from './VersionsTab';

const TABS: { id: ModelTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'versions', label: 'Versions & approvals' },
  { id: 'deployments', label: 'Deployment timeline' },
  { id: 'stages', label: 'Stage history' },
  { id: 'card', label: 'Model card' },
  { id: 'monitoring', label: 'Monitoring' },
  { id: 'ceremonies', label: 'Ceremonies' },
  { id: 'retraining', label: 'Retraining' },
  { id: 'incidents', label: 'Incidents' },
  { id: 'cost', label: 'Cost' },
  { id: 'hours', label: 'Hours' },
  { id: 'history', label: 'History' },
];

declare module '@renderer/app/slots' {
  interface Slots {
    /** The model page's Hours tab: the team's hours on the model (billing fills it). */
    'model.hours': { model: ModelDetail };
    /** The model page's Monitoring tab: SLOs, their course and the readings (the monitoring area fills it). */
    'model.monitoring': { model: ModelDetail };
    /** The model page's Ceremonies tab: the reviews and windows about it, missed ones, decisions, action items (the ceremonies area fills it). */
    'model.ceremonies': { model: ModelDetail };
    /** The model page's Retraining tab: cadence and triggers, what is due and why, the log (the operations area fills it). */
    'model.retraining': { model: ModelDetail };
    /** The model page's Incidents tab: its incidents, open ones first, and opening one (the operations area fills it). */
    'model.incidents': { model: ModelDetail };
    /** The model page's Cost tab: run cost against budget, per 1,000 predictions, the team beside it (the operations area fills it). */
    'model.cost': { model: ModelDetail };
    /** Actions in the model page's header, before its own (the ownership area asks who responds now). */
    'model.actions': { model: ModelDetail };
  }
}

/** One model's page: what it is, and how it moved through its lifecycle. */
export function ModelPage({ id, onBack }: { id: string; onBack(): void }) {
  const model = useProcedure('models.get', { id });
  const { tab, setTab } = useModelPage();
  const [editing, setEditing] = useState(false);
  const go = useNav((s) => s.go);
  if (model.error) {
    return (
      <div className="screen">
        <BackLink onBack={onBack} />
        <p className="form__error">{model.error.message}</p>
      </div>
    );
  }
  const m = model.data;
  if (!m) return <p className="list-status">Loading…</p>;
  return (
    <div className="screen model-page">
      <BackLink onBack={onBack} />
      <header className="screen__header">
        <div>
          <h1>{m.name}</h1>
          <p className="screen__lede">
            <button type="button" className="link" onClick={() => go({ area: 'clients', recordId: m.clientId })}>
              {m.clientName}
            </button>
            {m.engagementName && ` · ${m.engagementName}`}
          </p>
          <p className="model-page__badges">
            <Badge tone={STAGE_TONE[m.stage]}>{STAGE_LABELS[m.stage]}</Badge>{' '}
            <span className="muted">
              since {day(m.stageSince)} ({daysWords(m.daysInStage)})
            </span>{' '}
            <Badge tone={RISK_TONE[m.riskTier]}>{RISK_TIER_LABELS[m.riskTier]} risk</Badge>{' '}
            <Badge tone={CATEGORY_TONE[m.aiActCategory]}>EU AI Act: {AI_ACT_CATEGORY_LABELS[m.aiActCategory]}</Badge>
          </p>
        </div>
        <div className="screen__actions">
          <Slot name="model.actions" props={{ model: m }} />
          <AuditPackButton modelId={m.id} />
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit model
          </button>
        </div>
      </header>
      <Tabs label="Model views" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'overview' ? (
          <Overview model={m} />
        ) : tab === 'versions' ? (
          <VersionsTab model={m} />
        ) : tab === 'deployments' ? (
          <DeploymentsTab model={m} />
        ) : tab === 'monitoring' ? (
          <Slot name="model.monitoring" props={{ model: m }} />
        ) : tab === 'ceremonies' ? (
          <Slot name="model.ceremonies" props={{ model: m }} />
        ) : tab === 'retraining' ? (
          <Slot name="model.retraining" props={{ model: m }} />
        ) : tab === 'incidents' ? (
          <Slot name="model.incidents" props={{ model: m }} />
        ) : tab === 'cost' ? (
          <Slot name="model.cost" props={{ model: m }} />
        ) : tab === 'hours' ? (
          <Slot name="model.hours" props={{ model: m }} />
        ) : tab === 'card' ? (
          <ModelCardTab model={m} />
        ) : tab === 'history' ? (
          <HistoryTab model={m} />
        ) : (
          <StageHistory model={m} />
        )}
      </Tabs>
      {editing && <EditDrawer model={m} onClose={() => setEditing(false)} />}
    </div>
  );
}

function BackLink({ onBack }: { onBack(): void }) {
  return (
    <p className="model-page__back">
      <button type="button" className="link" onClick={onBack}>
        ← Model portfolio
      </button>
    </p>
  );
}

function Overview({ model: m }: { model: ModelDetail }) {
  const links = LINK_KINDS.filter((k) => m[linkKey(k)] !== '');
  const outcome =
    m.outcomeMetric === ''
      ? 'Not named yet'
      : `${m.outcomeMetric}${m.outcomeUnit ? ` (${m.outcomeUnit})` : ''}: from ${m.outcomeBaseline ?? '—'} to ${m.outcomeTarget ?? '—'}`;
  return (
    <div className="model-overview">
      <dl className="facts">
        <Fact label="Use case">{m.useCase || '—'}</Fact>
        <Fact label="Business owner">{m.businessOwnerName ?? 'Not named yet'}</Fact>
        <Fact label="Business outcome">{outcome}</Fact>
        <Fact label="Risk tier">{RISK_TIER_LABELS[m.riskTier]}</Fact>
        <Fact label="EU AI Act category">{AI_ACT_CATEGORY_LABELS[m.aiActCategory]}</Fact>
        <Fact label="Regulated domain">{REGULATED_DOMAIN_LABELS[m.regulatedDomain]}</Fact>
        <Fact label="Kind">{MODEL_KIND_LABELS[m.kind]}</Fact>
        <Fact label="Serving">{SERVING_MODE_LABELS[m.serving]}</Fact>
        <Fact label="Data sources">{m.dataSources.length ? m.dataSources.join(', ') : '—'}</Fact>
        <Fact label="Tags">{m.tags.length ? m.tags.join(', ') : '—'}</Fact>
        <Fact label="In service since">{day(m.inServiceSince)}</Fact>
        <Fact label="Links">
          {links.length === 0
            ? '—'
            : links.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' · '}
                  <a href={m[linkKey(k)]} target="_blank" rel="noreferrer noopener">
                    {LINK_KIND_LABELS[k]}
                  </a>
                </span>
              ))}
        </Fact>
        {m.notes && <Fact label="Notes">{m.notes}</Fact>}
      </dl>
      <RecordHistory entityId={m.id} />
    </div>
  );
}

const linkKey = (k: LinkKind) => `${k}Link` as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function StageHistory({ model: m }: { model: ModelDetail }) {
  const newestFirst = [...m.transitions].reverse();
  return (
    <div className="stage-history">
      <section aria-labelledby="days-per-stage">
        <h3 id="days-per-stage">Days in each stage</h3>
        <ul className="stage-days">
          {STAGES.map((s) => (
            <li key={s} className={s === m.stage ? 'is-current' : undefined}>
              <span className="stage-days__stage">{STAGE_LABELS[s]}</span>
              <span className="stage-days__count">{daysWords(m.daysPerStage[s])}</span>
            </li>
          ))}
        </ul>
      </section>
      <MoveStageForm key={m.updatedAt} model={m} />
      <section aria-labelledby="stage-changes">
        <h3 id="stage-changes">Stage changes</h3>
        <ol className="stage-changes">
          {newestFirst.map((t) => (
            <li key={t.id}>
              <span className="history__when">{day(t.on)}</span>{' '}
              {t.fromStage === null ? (
                <>Registered as {STAGE_LABELS[t.toStage]}</>
              ) : (
                <>
                  {STAGE_LABELS[t.fromStage]} → <strong>{STAGE_LABELS[t.toStage]}</strong>
                </>
              )}
              <span className="muted">
                {' '}
                · recorded by {t.actor} on {instant(t.createdAt)}
              </span>
              {t.reason && <div className="stage-changes__reason">{t.reason}</div>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Moving to another stage: the backend's rule decides; its refusal is shown here, word for word. */
function MoveStageForm({ model: m }: { model: ModelDetail }) {
  const today = useToday();
  const move = useCommand('models.moveStage');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(
    stageMoveInput,
    { id: m.id, to: '', on: today, reason: '', expectedUpdatedAt: m.updatedAt },
    { idPrefix: 'move' },
  );
  const targets = STAGES.filter((s) => s !== m.stage);
  return (
    <form
      className="form form--boxed move-stage"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          const moved = await move.mutateAsync(values);
          toast({ tone: 'info', message: `${moved.name} is now in ${STAGE_LABELS[moved.stage]}.` });
        });
      }}
    >
      <h3 className="form__title">Move to another stage</h3>
      <SelectField
        {...form.field('to')}
        label="New stage"
        placeholder="Choose a stage"
        options={targets.map((s: Stage) => ({ value: s, label: STAGE_LABELS[s] }))}
      />
      <DateField {...form.field('on')} label="On" />
      <TextArea {...form.field('reason')} hint="Needed to move back to an earlier stage or to retire the model." />
      <FormFooter
        error={form.formError}
        saving={form.saving}
        submitLabel="Move stage"
        cancelLabel="Clear"
        onCancel={() => {
          form.set('to', '');
          form.set('reason', '');
        }}
      />
    </form>
  );
}

function EditDrawer({ model: m, onClose }: { model: ModelDetail; onClose(): void }) {
  const update = useCommand('models.update');
  const toast = useToasts((s) => s.show);
  return (
    <Drawer title={`Edit ${m.name}`} onClose={onClose}>
      <ModelForm
        key={m.updatedAt}
        initial={modelValues(m)}
        isNew={false}
        submitLabel="Save changes"
        onCancel={onClose}
        onSave={async ({ stage: _stage, ...values }) => {
          await update.mutateAsync({ ...values, id: m.id, expectedUpdatedAt: m.updatedAt });
          toast({ tone: 'info', message: `Saved ${values.name}.` });
          onClose();
        }}
      />
    </Drawer>
  );
}
