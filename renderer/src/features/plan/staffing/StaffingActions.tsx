import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { FormFooter, SelectField, TextField } from '@renderer/components/fields';
import { ReasonForm } from '@renderer/components/ReasonForm';
import type { StaffingRequestItem } from '@shared/plan/contract/staffing';
import { useState } from 'react';

/** Filling a request creates its allocation; the backend checks it like any other (dates, dedication rule). */
export function FillForm({ request, onDone }: { request: StaffingRequestItem; onDone(): void }) {
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const fill = useCommand('staffing.fill');
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);
  const [specialistId, setSpecialistId] = useState('');
  const [startDate, setStartDate] = useState(request.startDate);
  const [endDate, setEndDate] = useState(request.engagementEndDate ?? '');
  const [loadPercent, setLoad] = useState(String(request.loadPercent));
  const [status, setStatus] = useState<'confirmed' | 'tentative'>('confirmed');
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  // People with the requested role first: the role was defined before the search started.
  const people = (specialists.data?.rows ?? [])
    .filter((s) => s.status !== 'left')
    .sort((a, b) => Number(b.role === request.role) - Number(a.role === request.role) || a.fullName.localeCompare(b.fullName))
    .map((s) => ({ value: s.id, label: `${s.fullName}${s.role === request.role ? ' ✓ role' : ''}` }));
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setIssues({});
        fill.mutate(
          { id: request.id, specialistId, startDate, endDate, loadPercent: Number(loadPercent), status },
          {
            onSuccess: (r) => {
              toast({ tone: 'info', message: `Filled ${r.title} with ${r.allocation?.specialistName ?? 'the allocation'}.` });
              onDone();
              if (r.allocationId) go({ area: 'staffing', recordId: r.id });
            },
            onError: (err) => {
              setError(err.message);
              setIssues(Object.fromEntries((err.error.issues ?? []).map((i) => [i.path, i.message])));
            },
          },
        );
      }}
    >
      <h3 className="form__title">Fill with an allocation</h3>
      <SelectField
        id="fill-specialist"
        label="Specialist"
        value={specialistId}
        placeholder="Choose who fills it"
        options={people}
        onChange={setSpecialistId}
        error={issues.specialistId}
        wide
      />
      <TextField id="fill-start" label="Start date" type="date" value={startDate} onChange={setStartDate} error={issues.startDate} />
      <TextField id="fill-end" label="End date" type="date" value={endDate} onChange={setEndDate} error={issues.endDate} />
      <TextField id="fill-load" label="Load (%)" type="number" value={loadPercent} onChange={setLoad} error={issues.loadPercent} />
      <SelectField
        id="fill-status"
        label="Status"
        value={status}
        options={[
          { value: 'confirmed', label: 'Confirmed' },
          { value: 'tentative', label: 'Tentative' },
        ]}
        onChange={(v) => setStatus(v as 'confirmed' | 'tentative')}
        error={issues.status}
      />
      <FormFooter error={error} saving={fill.isPending} submitLabel="Fill request" onCancel={onDone} cancelLabel="Back" />
    </form>
  );
}

export function DeclineForm({ request, onDone }: { request: StaffingRequestItem; onDone(): void }) {
  const decline = useCommand('staffing.decline');
  const toast = useToasts((s) => s.show);
  return (
    <ReasonForm
      id="decline-reason"
      title="Decline the request"
      hint="e.g. the fit is not there: on-site five days a week."
      missing="Say why the request is declined; the reason stays on record."
      submitLabel="Decline request"
      cancelLabel="Back"
      saving={decline.isPending}
      onSubmit={async (reason) => {
        const r = await decline.mutateAsync({ id: request.id, reason });
        toast({ tone: 'info', message: `Declined ${r.title}.` });
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
