import { askConfirm, type ConfirmRequest } from '@renderer/ui/ConfirmDialog';
import { FormFooter, TextArea } from '@renderer/ui/fields';
import { useState } from 'react';

type Props = {
  id: string;
  title?: string;
  label?: string;
  hint?: string;
  /** Said when the reason is left empty: why one is needed. */
  missing: string;
  submitLabel: string;
  cancelLabel: string;
  /** A last question before sending (the confirm dialog), for steps that are hard to take back. */
  confirm?: ConfirmRequest;
  saving: boolean;
  /** Sends the reason; a rejection's message is shown in the form and nothing else changes. */
  onSubmit(reason: string): Promise<unknown>;
  onCancel(): void;
};

/**
 * The form of every step that needs a reason on record — cancelling an
 * allocation or an invoice, declining a staffing request: the reason is
 * required, a refusal is shown in place, and the typed reason is kept.
 */
export function ReasonForm({
  id,
  title,
  label = 'Reason',
  hint,
  missing,
  submitLabel,
  cancelLabel,
  confirm,
  saving,
  onSubmit,
  onCancel,
}: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setError(missing);
          return;
        }
        if (confirm && !(await askConfirm(confirm))) return;
        onSubmit(reason).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
      }}
    >
      {title && <h3 className="form__title">{title}</h3>}
      <TextArea
        id={id}
        label={label}
        value={reason}
        onChange={(v) => {
          setReason(v);
          setError(null);
        }}
        hint={hint}
      />
      <FormFooter error={error} saving={saving} submitLabel={submitLabel} onCancel={onCancel} cancelLabel={cancelLabel} danger />
    </form>
  );
}
