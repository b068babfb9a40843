import { useCommand, useProcedure } from '@renderer/api/queries';
import { day } from '@renderer/components/dates';
import { useRun } from '@renderer/components/useRun';
import { Badge } from '@renderer/ui/Badge';
import { FormFooter, NumberField, SelectField, TextArea, TextField } from '@renderer/ui/fields';
import { InstantField, useInstant, utcInstant } from '@renderer/ui/fields/InstantField';
import type { Deployment } from '@shared/portfolio/contract/deployments';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { ALIAS_LABELS, ALIASES, type Alias } from '@shared/portfolio/rules/deployments';
import { type ReactNode, useState } from 'react';

const at = utcInstant;
const When = InstantField;
const ALIAS_TONE = { champion: 'ok', challenger: 'info', shadow: 'neutral', canary: 'attention' } as const;

/** The deployment timeline: environments, which version held which alias when (rollbacks marked), and the as-of answer. */
export function DeploymentsTab({ model }: { model: ModelDetail }) {
  if (!model.engagementId) {
    return <p className="muted">{model.name} is in the client’s inventory only: deployments are recorded for models an engagement runs.</p>;
  }
  return (
    <div className="deployments">
      <AsOf modelId={model.id} />
      <Timeline model={model} />
      <DeployForm model={model} engagementId={model.engagementId} />
      <RollbackForm model={model} engagementId={model.engagementId} />
      <Environments engagementId={model.engagementId} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="deployments__section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function AsOf({ modelId }: { modelId: string }) {
  const when = useInstant();
  const answer = useProcedure('portfolio.asOf', { at: when.instant, modelId });
  const served = answer.data?.[0];
  return (
    <Section id="as-of" title="Which version served production then?">
      <div className="form form--inline">
        <When id="as-of" label="As of" date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} />
      </div>
      <p className="as-of__answer" aria-live="polite">
        {answer.error
          ? answer.error.message
          : !served
            ? '…'
            : served.versionLabel === null
              ? `Nothing served production on ${at(when.instant)}.`
              : `On ${at(when.instant)} production (${served.environmentName}) ran version ${served.versionLabel}, champion since ${at(served.since ?? '')}; ${
                  served.approvedBy.length
                    ? `approved by ${served.approvedBy.map((a) => `${a.name} on ${day(a.decidedOn)}`).join(' and ')}.`
                    : 'no approval stood then.'
                }`}
      </p>
    </Section>
  );
}

function Timeline({ model }: { model: ModelDetail }) {
  const list = useProcedure('deployments.list', { modelId: model.id });
  const promote = useCommand('deployments.promote');
  const end = useCommand('deployments.end');
  const when = useInstant();
  const { error, run } = useRun();
  const rows = list.data?.rows ?? [];
  return (
    <Section id="timeline" title="Deployment timeline">
      {rows.length === 0 ? (
        <p className="muted">Not deployed yet.</p>
      ) : (
        <>
          <div className="form form--inline">
            <When id="effective" label="Promote or end at" date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} />
          </div>
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <table className="deployment-table" aria-label="Deployments">
            <thead>
              <tr>
                <th scope="col">Environment</th>
                <th scope="col">Alias</th>
                <th scope="col">Version</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">
                  <span className="ui-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d: Deployment) => (
                <tr key={d.id} className={d.to === null ? 'is-open' : undefined}>
                  <td>
                    {d.environmentName}
                    {d.production && <span className="muted"> (production)</span>}
                  </td>
                  <td>
                    <Badge tone={ALIAS_TONE[d.alias]}>{ALIAS_LABELS[d.alias]}</Badge>
                    {d.trafficPercent !== null && <span className="muted"> {d.trafficPercent}%</span>}
                    {d.rollbackReason && (
                      <>
                        {' '}
                        <Badge tone="critical" title={d.rollbackReason}>
                          Rollback
                        </Badge>
                        <div className="muted">{d.rollbackReason}</div>
                      </>
                    )}
                  </td>
                  <td>{d.versionLabel}</td>
                  <td>{at(d.from)}</td>
                  <td>{d.to ? at(d.to) : 'now'}</td>
                  <td className="row-actions">
                    {d.to === null && d.alias !== 'champion' && (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => run(promote.mutateAsync({ id: d.id, at: when.instant }), `Promoted ${d.versionLabel} to champion.`)}
                      >
                        Promote {d.versionLabel}
                      </button>
                    )}
                    {d.to === null && (
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        onClick={() =>
                          run(end.mutateAsync({ id: d.id, at: when.instant }), `Ended the ${d.alias} deployment of ${d.versionLabel}.`)
                        }
                      >
                        End
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

function useOptions(modelId: string, engagementId: string) {
  const versions = useProcedure('versions.list', { modelId });
  const environments = useProcedure('environments.list', { engagementId });
  return {
    versions: (versions.data?.versions ?? []).map((v) => ({ value: v.id, label: v.label })),
    environments: (environments.data?.rows ?? []).map((e) => ({ value: e.id, label: e.production ? `${e.name} (production)` : e.name })),
  };
}

function DeployForm({ model, engagementId }: { model: ModelDetail; engagementId: string }) {
  const options = useOptions(model.id, engagementId);
  const deploy = useCommand('deployments.create');
  const when = useInstant();
  const [versionId, setVersionId] = useState('');
  const [environmentId, setEnvironmentId] = useState('');
  const [alias, setAlias] = useState<Alias | ''>('');
  const [traffic, setTraffic] = useState<number | null>(null);
  const { error, run } = useRun();
  return (
    <Section id="deploy" title="Deploy a version">
      <form
        className="form form--boxed deploy-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!alias) return;
          run(
            deploy.mutateAsync({
              modelId: model.id,
              versionId,
              environmentId,
              alias,
              trafficPercent: alias === 'canary' ? traffic : null,
              from: when.instant,
            }),
            'Deployed.',
          );
        }}
      >
        <SelectField
          id="deploy-version"
          label="Version"
          value={versionId}
          placeholder="Choose a version"
          options={options.versions}
          onChange={setVersionId}
          error={undefined}
        />
        <SelectField
          id="deploy-environment"
          label="Environment"
          value={environmentId}
          placeholder="Choose an environment"
          options={options.environments}
          onChange={setEnvironmentId}
          error={undefined}
        />
        <SelectField
          id="deploy-alias"
          label="Alias"
          value={alias}
          placeholder="Choose an alias"
          options={ALIASES.map((a) => ({ value: a, label: ALIAS_LABELS[a] }))}
          onChange={setAlias}
          error={undefined}
        />
        {alias === 'canary' && (
          <NumberField id="deploy-traffic" label="Traffic" unit="%" nullable value={traffic} onChange={setTraffic} error={undefined} />
        )}
        <When id="deploy-from" label="From" date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} />
        <FormFooter error={error} saving={deploy.isPending} submitLabel="Deploy" onCancel={() => setAlias('')} cancelLabel="Clear" />
      </form>
    </Section>
  );
}

function RollbackForm({ model, engagementId }: { model: ModelDetail; engagementId: string }) {
  const options = useOptions(model.id, engagementId);
  const rollback = useCommand('deployments.rollback');
  const when = useInstant();
  const [versionId, setVersionId] = useState('');
  const [environmentId, setEnvironmentId] = useState('');
  const [reason, setReason] = useState('');
  const { error, run } = useRun();
  return (
    <Section id="rollback" title="Roll back to an earlier version">
      <form
        className="form form--boxed rollback-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(rollback.mutateAsync({ modelId: model.id, versionId, environmentId, at: when.instant, reason }), 'Rolled back.', () =>
            setReason(''),
          );
        }}
      >
        <SelectField
          id="rollback-version"
          label="Earlier version"
          value={versionId}
          placeholder="Choose a version"
          options={options.versions}
          onChange={setVersionId}
          error={undefined}
        />
        <SelectField
          id="rollback-environment"
          label="In environment"
          value={environmentId}
          placeholder="Choose an environment"
          options={options.environments}
          onChange={setEnvironmentId}
          error={undefined}
        />
        <When id="rollback-at" label="At" date={when.date} time={when.time} onDate={when.setDate} onTime={when.setTime} />
        <TextArea id="rollback-reason" label="Reason" value={reason} onChange={setReason} error={undefined} />
        <FormFooter
          error={error}
          saving={rollback.isPending}
          submitLabel="Roll back"
          onCancel={() => setReason('')}
          cancelLabel="Clear"
          danger
        />
      </form>
    </Section>
  );
}

function Environments({ engagementId }: { engagementId: string }) {
  const list = useProcedure('environments.list', { engagementId });
  const create = useCommand('environments.create');
  const [name, setName] = useState('');
  const rows = list.data?.rows ?? [];
  const production = !rows.some((e) => e.production);
  const { error, run } = useRun();
  return (
    <Section id="environments" title="The engagement’s environments">
      <p className="muted">
        {rows.length === 0
          ? 'None yet: the first one is the production environment.'
          : rows.map((e) => (e.production ? `${e.name} (production)` : e.name)).join(' · ')}
      </p>
      <form
        className="form form--inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(create.mutateAsync({ engagementId, name, production }), `Added ${name}.`, () => setName(''));
        }}
      >
        <TextField
          id="environment-name"
          label={production ? 'Production environment' : 'Another environment'}
          value={name}
          onChange={setName}
          error={undefined}
        />
        <FormFooter
          error={error}
          saving={create.isPending}
          submitLabel="Add environment"
          onCancel={() => setName('')}
          cancelLabel="Clear"
        />
      </form>
    </Section>
  );
}
