import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { DataTable } from '@renderer/ui/DataTable';
import { FormFooter, NumberField, SelectField } from '@renderer/ui/fields';
import type { BillingTerms, SpecialistCap } from '@shared/billing/contract/billing';
import { formatHours } from '@shared/billing/rules/duration';
import { useState } from 'react';
import { useSpecialistOptions } from './useSpecialistOptions';

/** Optional monthly hours caps per specialist on this engagement: flagged in the review when exceeded, never cut. */
export function SpecialistCaps({ terms }: { terms: BillingTerms }) {
  const [editing, setEditing] = useState<SpecialistCap | 'new' | null>(null);
  const set = useCommand('billing.setSpecialistCap');
  const toast = useToasts((s) => s.show);
  const [refusal, setRefusal] = useState<string | null>(null);
  const clear = async (c: SpecialistCap) => {
    const yes = await askConfirm({
      title: `Clear the monthly cap of ${c.specialistName} on ${terms.engagementName}?`,
      confirmLabel: 'Clear cap',
    });
    if (!yes) return;
    setRefusal(null);
    set.mutate(
      { engagementId: terms.engagementId, specialistId: c.specialistId, monthlyCapMinutes: null },
      {
        onSuccess: () => toast({ tone: 'info', message: `Cleared the cap of ${c.specialistName}.` }),
        onError: (e) => setRefusal(e.message),
      },
    );
  };
  return (
    <section className="billing-card" aria-label="Specialist caps">
      <div className="billing-card__head">
        <h2 className="billing-card__title">Monthly caps per specialist</h2>
        {editing === null && (
          <button type="button" className="button button--small" onClick={() => setEditing('new')}>
            Add cap…
          </button>
        )}
      </div>
      <p className="section-lede">Billed hours above a cap are flagged in the month review; nothing is cut.</p>
      {editing !== null && (
        <CapForm
          key={editing === 'new' ? 'new' : editing.specialistId}
          terms={terms}
          cap={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {refusal && (
        <p className="notice notice--bad" role="alert">
          {refusal}
        </p>
      )}
      {terms.specialistCaps.length === 0 ? (
        <p className="muted">No specialist has a cap on this engagement.</p>
      ) : (
        <DataTable
          label="Monthly caps per specialist"
          columns={[
            { id: 'specialist', header: 'Specialist', sortable: true, sortValue: (c) => c.specialistName, cell: (c) => c.specialistName },
            {
              id: 'cap',
              header: 'Cap per month',
              width: 140,
              numeric: true,
              sortable: true,
              sortValue: (c) => c.monthlyCapMinutes,
              cell: (c) => formatHours(c.monthlyCapMinutes),
            },
            {
              id: 'actions',
              header: 'Actions',
              hideHeader: true,
              width: 170,
              className: 'row-actions',
              cell: (c) => <CapActions cap={c} onChange={() => setEditing(c)} onClear={() => void clear(c)} busy={set.isPending} />,
            },
          ]}
          rows={terms.specialistCaps}
          rowKey={(c) => c.specialistId}
          initialSort={{ id: 'specialist', direction: 'asc' }}
        />
      )}
    </section>
  );
}

function CapActions({ cap, busy, onChange, onClear }: { cap: SpecialistCap; busy: boolean; onChange(): void; onClear(): void }) {
  return (
    <>
      <button type="button" className="button button--small" aria-label={`Change the cap of ${cap.specialistName}`} onClick={onChange}>
        Change
      </button>{' '}
      <button
        type="button"
        className="button button--small button--ghost"
        aria-label={`Clear the cap of ${cap.specialistName}`}
        disabled={busy}
        onClick={onClear}
      >
        Clear
      </button>
    </>
  );
}

function CapForm({ terms, cap, onDone }: { terms: BillingTerms; cap: SpecialistCap | null; onDone(): void }) {
  const set = useCommand('billing.setSpecialistCap');
  const toast = useToasts((s) => s.show);
  const people = useSpecialistOptions(terms.engagementId);
  const [specialistId, setSpecialistId] = useState(cap?.specialistId ?? '');
  // Minutes; NaN while empty (or not a number: the field says why).
  const [minutes, setMinutes] = useState(cap?.monthlyCapMinutes ?? Number.NaN);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const local: Record<string, string> = {};
        if (!specialistId) local.specialistId = 'is required';
        if (Number.isNaN(minutes)) local.monthlyCapMinutes = 'is required (use Clear to remove a cap)';
        if (Object.keys(local).length) {
          setIssues(local);
          setError('Please correct the highlighted fields.');
          return;
        }
        set.mutate(
          { engagementId: terms.engagementId, specialistId, monthlyCapMinutes: minutes },
          {
            onSuccess: (after) => {
              const name = after.specialistCaps.find((c) => c.specialistId === specialistId)?.specialistName ?? 'the specialist';
              toast({ tone: 'info', message: `Set the monthly cap of ${name} to ${formatHours(minutes)}.` });
              onDone();
            },
            onError: (err) => {
              setError(err.message);
              setIssues(Object.fromEntries((err.error.issues ?? []).map((i) => [i.path.split('.')[0], i.message])));
            },
          },
        );
      }}
    >
      <h3 className="form__title">{cap ? `Change the cap of ${cap.specialistName}` : 'Add a cap'}</h3>
      {!cap && (
        <SelectField
          id="cap-specialist"
          label="Specialist"
          value={specialistId}
          placeholder="Choose a specialist"
          options={people}
          onChange={(v) => {
            setSpecialistId(v);
            setIssues(({ specialistId: _gone, ...rest }) => rest);
          }}
          error={issues.specialistId}
          wide
        />
      )}
      <NumberField
        id="cap-hours"
        label="Hours per month"
        scale={60}
        value={minutes}
        placeholder="160"
        onChange={(v) => {
          setMinutes(v);
          setIssues(({ monthlyCapMinutes: _gone, ...rest }) => rest);
        }}
        error={issues.monthlyCapMinutes}
      />
      <FormFooter error={error} saving={set.isPending} submitLabel={cap ? 'Save cap' : 'Add cap'} onCancel={onDone} />
    </form>
  );
}
