import type { ReactNode } from 'react';

export type FieldFrame = {
  id: string;
  label: string;
  /** The message under the field; starts with the label ("Start date must be …"). */
  error?: string | undefined;
  hint?: string | undefined;
  /** Spans both columns of the form. */
  wide?: boolean | undefined;
};

/** The id the input's aria-describedby names: its message, else its hint. */
export const describedBy = ({ id, error, hint }: Pick<FieldFrame, 'id' | 'error' | 'hint'>): string | undefined =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

/** A label, the control, and one line under it: the message when there is one, else the hint. */
export function Field({ id, label, error, hint, wide, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldMessage id={id} label={label} error={error} hint={hint} />
    </div>
  );
}

export function FieldMessage({ id, label, error, hint }: Pick<FieldFrame, 'id' | 'label' | 'error' | 'hint'>) {
  if (error)
    return (
      <p className="field__error" id={`${id}-error`} role="alert">
        {label} {error}
      </p>
    );
  if (hint)
    return (
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    );
  return null;
}
