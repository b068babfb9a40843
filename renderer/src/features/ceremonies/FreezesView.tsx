import { useCommand, useProcedure } from '@renderer/api/queries';
import { day } from '@renderer/components/dates';
import { useConfirm } from '@renderer/ui/ConfirmDialog';
import { EmptyState } from '@renderer/ui/EmptyState';
import { DateField, FormFooter, SelectField, TextField, useSchemaForm } from '@renderer/ui/fields';
import { rhythmProcedures } from '@shared/ceremonies/contract/rhythm';
import { useState } from 'react';
import { useCeremonies } from './ceremoniesStore';

/** Change freezes per engagement: deployment windows and production deployments inside one are flagged. */
export function FreezesView() {
  const { engagementId, clientId } = useCeremonies();
  const list = useProcedure('freezes.list', engagementId ? { engagementId } : {});
  const engagements = useProcedure('engagements.list', clientId ? { clientId } : {});
  const known = new Set((engagements.data?.rows ?? []).map((e) => e.id));
  const remove = useCommand('freezes.remove');
  const ask = useConfirm();
  const [adding, setAdding] = useState(false);
  const rows = (list.data ?? []).filter((f) => !clientId || known.has(f.engagementId));
  return (
    <div className="cer-freezes">
      {adding ? (
        <AddFreeze engagementId={engagementId} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--primary cer-freezes__add" onClick={() => setAdding(true)}>
          Declare a freeze
        </button>
      )}
      {!list.data ? (
        <p className="list-status">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState title="No change freeze">
          A client’s year-end or release freeze goes here; windows and deployments inside it are flagged.
        </EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Engagement</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="ui-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.id}>
                <td>{f.engagementName}</td>
                <td>{day(f.startsOn)}</td>
                <td>{day(f.endsOn)}</td>
                <td>{f.reason}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={async () => {
                      if (await ask({ title: `Remove the freeze “${f.reason}”?`, confirmLabel: 'Remove', tone: 'danger' }))
                        await remove.mutateAsync({ id: f.id });
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AddFreeze({ engagementId, onDone }: { engagementId: string; onDone(): void }) {
  const create = useCommand('freezes.create');
  const engagements = useProcedure('engagements.list', {});
  const form = useSchemaForm(
    rhythmProcedures['freezes.create'].input,
    { engagementId, startsOn: '', endsOn: '', reason: '' },
    { idPrefix: 'freeze' },
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (values) => {
          await create.mutateAsync(values);
          onDone();
        });
      }}
    >
      <SelectField
        {...form.field('engagementId')}
        label="Engagement"
        placeholder="Choose the engagement"
        options={(engagements.data?.rows ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.clientName})` }))}
      />
      <DateField {...form.field('startsOn')} label="From" />
      <DateField {...form.field('endsOn')} label="To (included)" />
      <TextField {...form.field('reason')} label="Why" wide />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Declare the freeze" onCancel={onDone} />
    </form>
  );
}
