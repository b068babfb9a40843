import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { ReasonForm } from '@renderer/components/ReasonForm';
import { DateField, FormFooter, NumberField, SelectField, useSchemaForm } from '@renderer/ui/fields';
import { fillInput, type StaffingRequestItem } from '@shared/plan/contract/staffing';
import { defaultFillEnd } from '@shared/plan/rules/staffing';

/** Filling a request creates its allocation; the backend checks it like any other (dates, dedication rule). */
export function FillForm({ request, onDone }: { request: StaffingRequestItem; onDone(): void }) {
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const fill = useCommand('staffing.fill');
  const toast = useToasts((s) => s.show);
  const go = useNav((s) => s.go);
  const form = useSchemaForm(
    fillInput,
    {
      id: request.id,
      specialistId: '',
      startDate: request.startDate,
      endDate: defaultFillEnd(request.startDate, request.engagementEndDate),
      loadPercent: request.loadPercent,
      status: 'confirmed',
      filledOn: undefined,
    },
    { idPrefix: 'fill' },
  );
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
        void form.submit(async (data) => {
          const r = await fill.mutateAsync(data);
          toast({ tone: 'info', message: `Filled ${r.title} with ${r.allocation?.specialistName ?? 'the allocation'}.` });
          onDone();
          if (r.allocationId) go({ area: 'staffing', recordId: r.id });
        });
      }}
    >
      <h3 className="form__title">Fill with an allocation</h3>
      <SelectField {...form.field('specialistId')} label="Specialist" placeholder="Choose who fills it" options={people} wide />
      <DateField {...form.field('startDate')} label="Start date" />
      <DateField {...form.field('endDate')} label="End date" />
      <NumberField {...form.field('loadPercent')} optional label="Load (%)" />
      <SelectField
        {...form.field('status')}
        options={[
          { value: 'confirmed', label: 'Confirmed' },
          { value: 'tentative', label: 'Tentative' },
        ]}
      />
      <FormFooter error={form.formError} saving={form.saving} submitLabel="Fill request" onCancel={onDone} cancelLabel="Back" />
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
