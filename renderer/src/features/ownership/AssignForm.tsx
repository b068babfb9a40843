import { useCommand } from '@renderer/api/queries';
import { DateField, FormFooter, optionsOf, SelectField, TextArea, useSchemaForm } from '@renderer/ui/fields';
import { type AssignResult, assignInput } from '@shared/ownership/contract/matrix';
import { ROLE_LABELS, ROLES, type Role } from '@shared/ownership/rules/vocabulary';
import { personOf, personValue } from './labels';
import type { CellRef } from './ownershipStore';
import { usePeopleOptions } from './people';

type Props = {
  engagementId: string;
  clientId: string | undefined;
  target: CellRef;
  startRole: Role | '';
  fromDate: string;
  /** A person to start with (`specialist:<id>`), or ''. */
  person?: string;
  submitLabel?: string;
  onAssigned(result: AssignResult): void;
  onCancel(): void;
};

/**
 * Names a person in a role on one asset-duty from a day (ownership.assign). The person is one of the
 * engagement's specialists, a contact of the client, or another specialist (saved with a warning).
 * Refusals show as the backend's sentence and on their fields.
 */
export function AssignForm({
  engagementId,
  clientId,
  target,
  startRole,
  fromDate,
  person = '',
  submitLabel = 'Assign',
  onAssigned,
  onCancel,
}: Props) {
  const assign = useCommand('ownership.assign');
  const people = usePeopleOptions(engagementId, clientId);
  const form = useSchemaForm(
    assignInput,
    { ...target, role: startRole, person: personOf(person) ?? { kind: 'specialist', id: '' }, fromDate, toDate: null, note: '' },
    { idPrefix: 'assign' },
  );
  const personField = form.field('person');
  return (
    <form
      className="form own-assign"
      noValidate
      aria-label="Assign"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(async (data) => onAssigned(await assign.mutateAsync(data)));
      }}
    >
      <SelectField {...form.field('role')} placeholder="Choose a role" options={optionsOf(ROLES, ROLE_LABELS)} />
      <SelectField
        id={personField.id}
        label="Person"
        error={personField.error}
        onBlur={personField.onBlur}
        value={personValue(personField.value.id ? personField.value : null)}
        onChange={(v) => {
          const chosen = personOf(v);
          if (chosen) form.set('person', chosen);
        }}
        placeholder="Choose a person"
        groups={people.groups}
      />
      <DateField {...form.field('fromDate')} label="From" />
      <DateField {...form.field('toDate')} nullable label="To" hint="Empty: open-ended." />
      <TextArea {...form.field('note')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

/** What an assignment answered: how many were made, and the warnings saved with them. */
export function AssignOutcome({ result, what }: { result: AssignResult; what: string }) {
  const n = result.assignments.length;
  return (
    <div className={result.warnings.length > 0 ? 'notice' : 'notice own-notice--ok'} role="status">
      <p className="own-outcome__head">
        {what}: {n} {n === 1 ? 'assignment' : 'assignments'} saved
        {result.warnings.length > 0 ? `, with ${result.warnings.length === 1 ? 'a warning' : `${result.warnings.length} warnings`}:` : '.'}
      </p>
      {result.warnings.length > 0 && (
        <ul className="own-outcome__warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
