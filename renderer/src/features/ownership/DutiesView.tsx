import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { DateInput, FormFooter, NumberField, TextField, useSchemaForm } from '@renderer/ui/fields';
import { Toolbar } from '@renderer/ui/Toolbar';
import { type Duty, dutiesProcedures, type EngagementDuties } from '@shared/ownership/contract/duties';
import { type OwnershipSettings, ownershipSettingsInput } from '@shared/ownership/contract/matrix';
import { ASSET_TYPE_LABELS, ASSET_TYPES, DEFAULT_SPOF_THRESHOLD } from '@shared/ownership/rules/vocabulary';
import { useState } from 'react';
import { EngagementSelect, useEngagementChoice } from './controls';

const fail = (error: unknown) => (error instanceof CallError || error instanceof Error ? error.message : String(error));

/** The engagement's duties (add its own, retire, bring back), which apply to which asset type, and the area's thresholds. */
export function DutiesView() {
  const { engagementId, engagement } = useEngagementChoice();
  const duties = useProcedure('duties.list', { engagementId }, engagementId !== '');
  return (
    <section aria-label="Duties and settings">
      <Toolbar>
        <EngagementSelect />
      </Toolbar>
      {duties.error && <p className="notice">{duties.error.message}</p>}
      {duties.data && engagement && (
        <>
          <h2 className="own-subhead">Duties of {engagement.name}</h2>
          <DutiesTable data={duties.data} />
          <AddDutyForm key={duties.data.duties.length} engagementId={engagementId} />
          <h2 className="own-subhead">Which duties apply to which asset type</h2>
          <p className="section-lede muted">
            A duty that does not apply shows as n/a in the matrix and is not checked (a dashboard has no retraining). Models take every
            duty.
          </p>
          <ApplicabilityTable data={duties.data} />
        </>
      )}
      <h2 className="own-subhead">Settings (every engagement)</h2>
      <SettingsSection />
    </section>
  );
}

function DutiesTable({ data }: { data: EngagementDuties }) {
  const columns: DataColumn<Duty>[] = [
    { id: 'name', header: 'Duty', width: 240, cell: (d) => d.name },
    { id: 'kind', header: 'Kind', width: 120, cell: (d) => (d.custom ? 'Own' : 'Default') },
    {
      id: 'cover',
      header: 'Backup',
      width: 180,
      cell: (d) => (d.coverRequired ? 'Always required' : 'By risk tier'),
      title: (d) =>
        d.coverRequired
          ? 'A named Backup is always required'
          : 'A Backup is required for high and critical models, or when the settings say every duty',
    },
    {
      id: 'state',
      header: 'State',
      width: 200,
      cell: (d) => (d.retiredOn ? <Badge tone="neutral">Retired from {day(d.retiredOn)}</Badge> : <Badge tone="ok">In force</Badge>),
      title: (d) => (d.retiredOn ? `Retired from ${day(d.retiredOn)}` : 'In force'),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      wrap: true,
      cell: (d) => <RetireControl engagementId={data.engagementId} duty={d} />,
    },
  ];
  return (
    <DataTable
      label="Duties"
      columns={columns}
      rows={[...data.duties].sort((a, b) => a.position - b.position)}
      rowKey={(d) => d.key}
      frame="half"
    />
  );
}

function RetireControl({ engagementId, duty }: { engagementId: string; duty: Duty }) {
  const retire = useCommand('duties.retire');
  const toast = useToasts((s) => s.show);
  const today = useToday();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState(today);
  const run = async (retiredOn: string | null) => {
    try {
      await retire.mutateAsync({ engagementId, dutyKey: duty.key, retiredOn });
      setOpen(false);
      toast({ tone: 'info', message: retiredOn ? `${duty.name} is retired from ${day(retiredOn)}.` : `${duty.name} is a duty again.` });
    } catch (error) {
      toast({ tone: 'error', message: fail(error) });
    }
  };
  if (duty.retiredOn)
    return (
      <button type="button" className="button button--small" onClick={() => void run(null)}>
        Bring back
      </button>
    );
  return open ? (
    <span className="own-inline">
      <DateInput label={`Retire ${duty.name} from`} value={on} onChange={setOn} />
      <button
        type="button"
        className="button button--small button--primary"
        disabled={retire.isPending}
        onClick={async () => {
          const yes = await askConfirm({
            title: `Retire ${duty.name} from ${day(on)}?`,
            message: 'It leaves the matrix and its checks from that day; its assignments stay in the history.',
            confirmLabel: 'Retire duty',
          });
          if (yes) await run(on);
        }}
      >
        Retire
      </button>
      <button type="button" className="button button--small" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </span>
  ) : (
    <button type="button" className="button button--small" onClick={() => setOpen(true)}>
      Retire…
    </button>
  );
}

function AddDutyForm({ engagementId }: { engagementId: string }) {
  const create = useCommand('duties.create');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(
    dutiesProcedures['duties.create'].input,
    { engagementId, name: '', coverRequired: false },
    { idPrefix: 'duty' },
  );
  return (
    <form
      className="form own-add-duty"
      noValidate
      aria-label="Add a duty of the engagement’s own"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => {
          await create.mutateAsync(data);
          toast({ tone: 'info', message: `Added the duty ${data.name}.` });
        });
      }}
    >
      <TextField {...form.field('name')} label="Add a duty of its own" placeholder="e.g. Feature store upkeep" />
      <label className="check own-check">
        <input type="checkbox" checked={form.values.coverRequired} onChange={(e) => form.set('coverRequired', e.target.checked)} />
        Always needs a named Backup
      </label>
      <FormFooter
        error={form.formError}
        saving={form.saving}
        submitLabel="Add duty"
        cancelLabel="Clear"
        onCancel={() => form.set('name', '')}
      />
    </form>
  );
}

function ApplicabilityTable({ data }: { data: EngagementDuties }) {
  const set = useCommand('duties.setApplicable');
  const toast = useToasts((s) => s.show);
  const duties = data.duties.filter((d) => d.retiredOn === null).sort((a, b) => a.position - b.position);
  const off = new Set(data.notApplicable.map((n) => `${n.assetType}|${n.dutyKey}`));
  return (
    <section className="own-applicable" aria-label="Applicability">
      <table className="table own-applicable__table">
        <thead>
          <tr>
            <th scope="col">Asset type</th>
            {duties.map((d) => (
              <th key={d.key} scope="col">
                {d.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ASSET_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{ASSET_TYPE_LABELS[type]}</th>
              {duties.map((d) => {
                const applies = !off.has(`${type}|${d.key}`);
                return (
                  <td key={d.key} className={applies ? undefined : 'is-na'}>
                    <input
                      type="checkbox"
                      checked={applies}
                      aria-label={`${d.name} applies to ${ASSET_TYPE_LABELS[type]}`}
                      disabled={set.isPending}
                      onChange={async (e) => {
                        try {
                          await set.mutateAsync({
                            engagementId: data.engagementId,
                            assetType: type,
                            dutyKey: d.key,
                            applicable: e.target.checked,
                          });
                        } catch (error) {
                          toast({ tone: 'error', message: fail(error) });
                        }
                      }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SettingsSection() {
  const settings = useProcedure('ownership.settings', {});
  if (settings.error) return <p className="notice">{settings.error.message}</p>;
  if (!settings.data) return null;
  const s = settings.data;
  return <SettingsForm key={`${s.spofThreshold}:${s.horizonWeeks}:${s.coverAllDuties}`} settings={s} />;
}

function SettingsForm({ settings }: { settings: OwnershipSettings }) {
  const save = useCommand('ownership.updateSettings');
  const toast = useToasts((s) => s.show);
  const form = useSchemaForm(ownershipSettingsInput, settings, { idPrefix: 'own-settings' });
  return (
    <form
      className="form own-settings"
      noValidate
      aria-label="Ownership settings"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => {
          await save.mutateAsync(data);
          toast({ tone: 'info', message: 'Saved the ownership settings.' });
        });
      }}
    >
      <NumberField
        {...form.field('spofThreshold')}
        label="Single point of failure above"
        unit="asset-duties"
        hint={`More asset-duties than this with one Accountable is a single point of failure. Keel’s default: ${DEFAULT_SPOF_THRESHOLD}.`}
      />
      <NumberField
        {...form.field('horizonWeeks')}
        label="Look ahead"
        unit="weeks"
        hint="How far ahead the roll-off and absence checks look."
      />
      <label className="check own-check field--wide">
        <input type="checkbox" checked={form.values.coverAllDuties} onChange={(e) => form.set('coverAllDuties', e.target.checked)} />
        Every duty needs a named Backup (not only incident response, rollback and the duties of high and critical models)
      </label>
      <FormFooter
        error={form.formError}
        saving={form.saving}
        submitLabel="Save settings"
        cancelLabel="Undo changes"
        onCancel={() => {
          form.set('spofThreshold', settings.spofThreshold);
          form.set('horizonWeeks', settings.horizonWeeks);
          form.set('coverAllDuties', settings.coverAllDuties);
        }}
      />
    </form>
  );
}
