import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { DateField, FormFooter, SelectField, TextField } from '@renderer/ui/fields';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import type { BillingTerms, RateItem } from '@shared/billing/contract/billing';
import { ROLE_LABELS, SPECIALIST_ROLES, type SpecialistRole } from '@shared/clients/rules/reference';
import { decimalToMinor, formatMoney } from '@shared/kernel/money';
import type { ReferenceData } from '@shared/kernel/reference';
import { useState } from 'react';
import { formatDay } from './format';
import { useSpecialistOptions } from './useSpecialistOptions';

const roleLabel = (rate: RateItem): string => (rate.role ? ROLE_LABELS[rate.role] : '');

/** Role rates and specialist overrides, each effective from a date; a change is a new rate, never an edit. */
export function RatesSection({ terms, reference }: { terms: BillingTerms; reference: ReferenceData }) {
  const [adding, setAdding] = useState(false);
  const remove = useCommand('rates.delete');
  const toast = useToasts((s) => s.show);
  const [refusal, setRefusal] = useState<string | null>(null);
  const byRole = terms.rates
    .filter((r) => r.role !== null)
    .sort((a, b) => roleLabel(a).localeCompare(roleLabel(b)) || a.effectiveFrom.localeCompare(b.effectiveFrom));
  const overrides = terms.rates
    .filter((r) => r.specialistId !== null)
    .sort((a, b) => (a.specialistName ?? '').localeCompare(b.specialistName ?? '') || a.effectiveFrom.localeCompare(b.effectiveFrom));

  const onDelete = async (rate: RateItem, who: string) => {
    const amount = formatMoney(rate.hourlyRateMinor, terms.currency);
    const yes = await askConfirm({
      title: `Delete the rate of ${who}, ${amount}/h from ${formatDay(rate.effectiveFrom)}?`,
      message: 'Only for a rate entered by mistake: to change a rate, add a new one from a later date. The audit log keeps a copy.',
      confirmLabel: 'Delete rate',
      tone: 'danger',
    });
    if (!yes) return;
    setRefusal(null);
    remove.mutate(
      { id: rate.id },
      {
        onSuccess: () => toast({ tone: 'info', message: `Deleted the rate of ${who} from ${rate.effectiveFrom}.` }),
        onError: (e) => setRefusal(e.message),
      },
    );
  };

  return (
    <section className="billing-card" aria-label="Rates">
      <div className="billing-card__head">
        <h2 className="billing-card__title">Hourly rates ({terms.currency})</h2>
        {!adding && (
          <button type="button" className="button button--primary button--small" onClick={() => setAdding(true)}>
            Add rate…
          </button>
        )}
      </div>
      <p className="section-lede">
        A rate applies from its date until the next rate of the same role or person. An override for a person beats their role’s rate.
      </p>
      {adding && <AddRateForm terms={terms} reference={reference} onDone={() => setAdding(false)} />}
      {refusal && (
        <p className="notice notice--bad" role="alert">
          {refusal}
        </p>
      )}
      <RateTable
        heading="Role rates"
        empty="No role rate yet: hours are billed only once a rate covers their date."
        who="Role"
        rows={byRole}
        currency={terms.currency}
        nameOf={roleLabel}
        busy={remove.isPending}
        onDelete={onDelete}
      />
      <RateTable
        heading="Specialist overrides"
        empty="No override: everyone is billed at their role’s rate."
        who="Specialist"
        rows={overrides}
        currency={terms.currency}
        nameOf={(r) => r.specialistName ?? 'Unknown specialist'}
        busy={remove.isPending}
        onDelete={onDelete}
      />
    </section>
  );
}

function RateTable({
  heading,
  empty,
  who,
  rows,
  currency,
  nameOf,
  busy,
  onDelete,
}: {
  heading: string;
  empty: string;
  who: string;
  rows: RateItem[];
  currency: string;
  nameOf(rate: RateItem): string;
  busy: boolean;
  onDelete(rate: RateItem, who: string): void;
}) {
  return (
    <>
      <h3 className="review-heading">{heading}</h3>
      <DataTable
        label={heading}
        className="rates-table"
        columns={[
          { id: 'who', header: who, cell: (r) => nameOf(r) },
          { id: 'from', header: 'Effective from', width: 140, cell: (r) => formatDay(r.effectiveFrom) },
          { id: 'rate', header: 'Rate/h', width: 130, numeric: true, cell: (r) => formatMoney(r.hourlyRateMinor, currency) },
          {
            id: 'actions',
            header: 'Actions',
            hideHeader: true,
            width: 100,
            className: 'row-actions',
            cell: (r) => (
              <button
                type="button"
                className="button button--small button--ghost"
                disabled={busy || r.usedByIssuedInvoice}
                aria-label={`Delete the rate of ${nameOf(r)} from ${r.effectiveFrom}`}
                title={
                  r.usedByIssuedInvoice
                    ? 'Billed on an issued invoice, so it stays. To change the rate, add a new one from a later date.'
                    : 'Delete this rate (for a rate entered by mistake)'
                }
                onClick={() => onDelete(r, nameOf(r))}
              >
                Delete
              </button>
            ),
          },
        ]}
        rows={rows}
        rowKey={(r) => r.id}
        empty={<EmptyState title={`No ${heading.toLowerCase()}`}>{empty}</EmptyState>}
      />
    </>
  );
}

type Kind = 'role' | 'specialist';

function AddRateForm({ terms, reference, onDone }: { terms: BillingTerms; reference: ReferenceData; onDone(): void }) {
  const create = useCommand('rates.create');
  const toast = useToasts((s) => s.show);
  const people = useSpecialistOptions(terms.engagementId);
  const [kind, setKind] = useState<Kind>('role');
  const [role, setRole] = useState<SpecialistRole | ''>('');
  const [specialistId, setSpecialistId] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [rateText, setRateText] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const parsed = rateText.trim() === '' ? null : decimalToMinor(rateText, terms.currency);
  // The field prints its label first: "Hourly rate must be an amount…"; a message that is a sentence of its own gets a dash.
  const parseMessage = parsed && !parsed.ok ? (/^[A-Z]/.test(parsed.message) ? `— ${parsed.message}` : parsed.message) : undefined;
  const rateError = issues.hourlyRateMinor ?? parseMessage;
  const clear = (field: string) => {
    setIssues(({ [field]: _gone, ...rest }) => rest);
    setError(null);
  };

  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const local: Record<string, string> = {};
        if (kind === 'role' && !role) local.role = 'is required';
        if (kind === 'specialist' && !specialistId) local.specialistId = 'is required';
        if (!effectiveFrom) local.effectiveFrom = 'is required';
        if (!parsed) local.hourlyRateMinor = 'is required';
        if (Object.keys(local).length || !parsed?.ok) {
          setIssues(local);
          setError('Please correct the highlighted fields.');
          return;
        }
        create.mutate(
          {
            engagementId: terms.engagementId,
            role: kind === 'role' && role !== '' ? role : null,
            specialistId: kind === 'specialist' ? specialistId : null,
            effectiveFrom,
            hourlyRateMinor: parsed.minor,
          },
          {
            onSuccess: () => {
              toast({ tone: 'info', message: `Added ${formatMoney(parsed.minor, terms.currency)}/h from ${formatDay(effectiveFrom)}.` });
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
      <h3 className="form__title">Add a rate</h3>
      <SegmentedControl
        label="Kind of rate"
        className="rate-kind"
        options={[
          { value: 'role', label: 'Role rate' },
          { value: 'specialist', label: 'Specialist override' },
        ]}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setIssues({});
          setError(null);
        }}
      />
      {kind === 'role' ? (
        <SelectField
          id="rate-role"
          label="Role"
          value={role}
          placeholder="Choose a role"
          options={reference.roles}
          onChange={(v) => {
            setRole(SPECIALIST_ROLES.find((r) => r === v) ?? '');
            clear('role');
          }}
          error={issues.role}
          wide
        />
      ) : (
        <SelectField
          id="rate-specialist"
          label="Specialist"
          value={specialistId}
          placeholder="Choose a specialist"
          options={people}
          onChange={(v) => {
            setSpecialistId(v);
            clear('specialistId');
          }}
          error={issues.specialistId ?? issues.role}
          hint="People allocated to this engagement come first."
          wide
        />
      )}
      <DateField
        id="rate-from"
        label="Effective from"
        value={effectiveFrom}
        onChange={(v) => {
          setEffectiveFrom(v);
          clear('effectiveFrom');
        }}
        error={issues.effectiveFrom}
      />
      <TextField
        id="rate-amount"
        label="Hourly rate"
        value={rateText}
        placeholder={`${terms.currency} per hour`}
        onChange={(v) => {
          setRateText(v);
          clear('hourlyRateMinor');
        }}
        error={rateError}
        hint={parsed?.ok ? `${formatMoney(parsed.minor, terms.currency)} per hour` : `In ${terms.currency}, the engagement’s currency.`}
      />
      <FormFooter error={error} saving={create.isPending} submitLabel="Add rate" onCancel={onDone} />
    </form>
  );
}
