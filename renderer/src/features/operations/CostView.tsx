import { readBase64 } from '@renderer/api/client';
import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useNav } from '@renderer/app/stores';
import { instant, month as monthLabel } from '@renderer/components/dates';
import { useRun } from '@renderer/components/useRun';
import { EmptyState } from '@renderer/ui/EmptyState';
import { SelectField, TextField } from '@renderer/ui/fields';
import { monthStart } from '@shared/kernel/days';
import { formatMoney } from '@shared/kernel/money';
import type { ClientCost } from '@shared/operations/contract/costs';
import { PROVIDER_LABELS, PROVIDERS, type Provider } from '@shared/operations/rules/costs';
import { useRef, useState } from 'react';
import { CostTable } from './CostTable';
import { CostTrendChart } from './CostTrendChart';
import { useOperations } from './operationsStore';

/** A client's run cost: every model's month against its budget, the trend, cost exports and the tags that map them. */
export function CostView() {
  const { clientId } = useOperations();
  const today = useToday();
  // The month just closed, by default: its costs are complete.
  const [month, setMonth] = useState(() => monthStart(today, -1).slice(0, 7));
  const cost = useProcedure('costs.client', { clientId, month }, clientId !== '');
  if (!clientId) return <EmptyState title="Choose a client">Run cost is kept per client, in its currency: choose one above.</EmptyState>;
  if (cost.error) return <p className="form__error">{cost.error.message}</p>;
  const c = cost.data;
  return (
    <div className="ops-cost">
      <div className="ops-list__bar">
        <label className="ops-pick" htmlFor="ops-cost-month">
          Costs of
        </label>
        <input id="ops-cost-month" type="month" value={month} max={today.slice(0, 7)} onChange={(e) => setMonth(e.target.value || month)} />
      </div>
      {!c ? <p className="list-status">Loading…</p> : <MonthTable cost={c} />}
      {c && (
        <section aria-labelledby="ops-cost-trend">
          <h3 id="ops-cost-trend">Run cost against budget</h3>
          <CostTrendChart points={c.trend} currency={c.currency} label={`Run cost of ${c.clientName} against its models’ budgets`} />
        </section>
      )}
      {c && <ImportForm clientId={clientId} imports={c.imports} currency={c.currency} />}
      <MappingEditor clientId={clientId} />
    </div>
  );
}

function MonthTable({ cost: c }: { cost: ClientCost }) {
  const go = useNav((s) => s.go);
  if (c.models.length === 0)
    return (
      <EmptyState title={`No run cost in ${monthLabel(c.month)}`}>
        Import the month’s cost export below, or type a model’s costs on its Cost tab.
      </EmptyState>
    );
  return (
    <CostTable
      label={`Run cost of ${c.clientName} in ${monthLabel(c.month)}`}
      currency={c.currency}
      first="Model"
      rows={c.models.map((m) => ({
        key: m.modelId,
        row: m,
        head: (
          <button type="button" className="link" onClick={() => go({ area: 'portfolio', recordId: m.modelId, params: { tab: 'cost' } })}>
            {m.modelName}
          </button>
        ),
      }))}
    />
  );
}

function ImportForm({ clientId, imports, currency }: { clientId: string; imports: ClientCost['imports']; currency: string }) {
  const [provider, setProvider] = useState<Provider | ''>('');
  const file = useRef<HTMLInputElement>(null);
  const upload = useCommand('costs.import');
  const { error, run } = useRun();
  return (
    <section aria-labelledby="ops-cost-import">
      <h3 id="ops-cost-import">Import a cost export</h3>
      <form
        className="form form--boxed"
        noValidate
        aria-label="Import a cost export"
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = file.current?.files?.[0];
          if (!provider || !chosen) return;
          run(
            readBase64(chosen).then((base64) => upload.mutateAsync({ clientId, provider, fileName: chosen.name, base64 })),
            `Imported ${chosen.name}.`,
            () => {
              if (file.current) file.current.value = '';
            },
          );
        }}
      >
        <SelectField
          id="cost-provider"
          label="Provider"
          value={provider}
          placeholder="Choose the provider"
          options={PROVIDERS.map((p) => ({ value: p, label: PROVIDER_LABELS[p] }))}
          onChange={setProvider}
          error={undefined}
        />
        <div className="field">
          <label htmlFor="cost-file">File (CSV)</label>
          <input id="cost-file" ref={file} type="file" accept=".csv,text/csv" />
        </div>
        {error && (
          <p className="form__error ops-pre" role="alert">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={upload.isPending}>
            {upload.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {imports.length > 0 && (
        <ul className="ops-imports">
          {imports.map((i) => (
            <li key={i.id}>
              {i.fileName}{' '}
              <span className="muted">
                — {PROVIDER_LABELS[i.provider].replace(' (CSV)', '')}, {i.months.map(monthLabel).join(', ')},{' '}
                {formatMoney(i.totalMinor, currency)}, {i.lines.toLocaleString()} rows, {instant(i.at)} by {i.actor}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MappingEditor({ clientId }: { clientId: string }) {
  const mapping = useProcedure('costs.mapping', { clientId });
  const models = useProcedure('models.list', { clientId, sort: 'name', direction: 'asc' });
  const save = useCommand('costs.saveMapping');
  const [tagKey, setTagKey] = useState('model');
  const [tagValue, setTagValue] = useState('');
  const [modelId, setModelId] = useState('');
  const { error, run } = useRun();
  const rows = mapping.data ?? [];
  const store = (next: { tagKey: string; tagValue: string; modelId: string }[], done: string, after?: () => void) =>
    run(save.mutateAsync({ clientId, mappings: next }), done, after);
  const plain = rows.map(({ tagKey: k, tagValue: v, modelId: m }) => ({ tagKey: k, tagValue: v, modelId: m }));
  return (
    <section aria-labelledby="ops-cost-tags">
      <h3 id="ops-cost-tags">Resource tags that name models</h3>
      {rows.length === 0 ? (
        <p className="muted">No tag is mapped yet: a cost export’s rows are matched to models by these tags.</p>
      ) : (
        <table className="table" aria-label="Tag mapping">
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col">Model</th>
              <th scope="col">
                <span className="ui-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.tagKey}=${r.tagValue}`}>
                <td>
                  <code>
                    {r.tagKey} = {r.tagValue}
                  </code>
                </td>
                <td>{r.modelName}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() =>
                      store(
                        plain.filter((p) => !(p.tagKey === r.tagKey && p.tagValue === r.tagValue)),
                        'Tag removed.',
                      )
                    }
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="form form--inline"
        noValidate
        aria-label="Map a tag"
        onSubmit={(e) => {
          e.preventDefault();
          store([...plain, { tagKey, tagValue, modelId }], `${tagKey} = ${tagValue} mapped.`, () => setTagValue(''));
        }}
      >
        <TextField id="map-key" label="Tag key" value={tagKey} onChange={setTagKey} error={undefined} />
        <TextField id="map-value" label="Tag value" value={tagValue} onChange={setTagValue} error={undefined} />
        <SelectField
          id="map-model"
          label="Model"
          value={modelId}
          placeholder="Choose the model"
          options={(models.data?.rows ?? []).map((m) => ({ value: m.id, label: m.name }))}
          onChange={setModelId}
          error={undefined}
        />
        <button type="submit" className="button button--secondary">
          Map the tag
        </button>
      </form>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
