import type { Option } from '@shared/kernel/define';
import type { ReactNode } from 'react';

type FieldProps = { id: string; label: string; error?: string | undefined; hint?: string | undefined; children: ReactNode; wide?: boolean };

export function Field({ id, label, error, hint, children, wide }: FieldProps) {
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {label} {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'date' | 'number';
  placeholder?: string;
  autoFocus?: boolean;
  wide?: boolean;
};

export function TextField({ id, label, value, onChange, onBlur, error, hint, type = 'text', placeholder, autoFocus, wide }: InputProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} wide={wide}>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        placeholder={placeholder}
        // biome-ignore lint/a11y/noAutofocus: the first field of a form the user just opened
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

export function TextArea({ id, label, value, onChange, onBlur, error, hint }: Omit<InputProps, 'type'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} wide>
      <textarea
        id={id}
        name={id}
        rows={3}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

type SelectProps = Omit<InputProps, 'type' | 'placeholder'> & { options: Option[]; placeholder?: string };

export function SelectField({ id, label, value, onChange, onBlur, error, hint, options, placeholder, wide }: SelectProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} wide={wide}>
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The end of every form: the form-level message, then Save and Cancel. */
export function FormFooter({
  error,
  saving,
  submitLabel,
  onCancel,
  cancelLabel = 'Cancel',
  danger = false,
}: {
  error: string | null;
  saving: boolean;
  submitLabel: string;
  onCancel(): void;
  cancelLabel?: string;
  /** The submit undoes something (cancel, decline): shown in red. */
  danger?: boolean;
}) {
  return (
    <>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={saving}
          // Keep focus in the field: its blur would show a message above, move this button
          // down between mouse-down and mouse-up, and swallow the click.
          onMouseDown={(e) => e.preventDefault()}
        >
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}
