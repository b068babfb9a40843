import { describedBy, Field, type FieldFrame } from './Field';

type TextProps = FieldFrame & {
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  type?: 'text' | 'email' | 'search';
  placeholder?: string;
  autoFocus?: boolean;
  autoComplete?: string;
};

export function TextField({
  id,
  label,
  error,
  hint,
  wide,
  value,
  onChange,
  onBlur,
  type = 'text',
  placeholder,
  autoFocus,
  autoComplete,
}: TextProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} wide={wide}>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete}
        // biome-ignore lint/a11y/noAutofocus: the first field of a form the user just opened
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, error, hint })}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

export function TextArea({
  id,
  label,
  error,
  hint,
  value,
  onChange,
  onBlur,
  rows = 3,
  autoFocus,
}: Omit<TextProps, 'type' | 'placeholder' | 'wide'> & { rows?: number }) {
  return (
    <Field id={id} label={label} error={error} hint={hint} wide>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        // biome-ignore lint/a11y/noAutofocus: the first field of a form the user just opened
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, error, hint })}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

/** A time of day, "HH:MM", with the browser's own time control. */
export function TimeField({ id, label, error, hint, wide, value, onChange, onBlur }: Omit<TextProps, 'type' | 'placeholder'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} wide={wide}>
      <input
        id={id}
        name={id}
        type="time"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, error, hint })}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}
