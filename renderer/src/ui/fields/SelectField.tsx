import type { ReactNode } from 'react';
import { describedBy, Field, type FieldFrame } from './Field';

export type FieldOption<T extends string> = { readonly value: T; readonly label: string };
/** Options for a set of named values, labelled by the area's own label map. */
export const optionsOf = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): FieldOption<T>[] =>
  values.map((value) => ({ value, label: labels[value] }));

export type OptionGroup<T extends string> = { readonly label: string; readonly options: readonly FieldOption<T>[] };

type SelectProps<T extends string> = FieldFrame & {
  /** The chosen value; '' while nothing is chosen (the placeholder shows). */
  value: T | '';
  /** A property, not a method: checked strictly, so a field of statuses cannot take any string. */
  onChange: (value: T) => void;
  onBlur?(): void;
  options?: readonly FieldOption<T>[];
  /** Options under headings ("Candidates", "Everyone else"), before `options`. */
  groups?: readonly OptionGroup<T>[];
  /** Shown while nothing is chosen; it cannot be chosen back. */
  placeholder?: string;
  disabled?: boolean;
};

/**
 * A choice among options typed by their values: onChange hands back the chosen
 * option's own value (a status, a role), so no cast turns a string into one.
 */
export function SelectField<T extends string>({
  id,
  label,
  error,
  hint,
  wide,
  value,
  onChange,
  onBlur,
  options = [],
  groups = [],
  placeholder,
  disabled,
}: SelectProps<T>) {
  const all = [...groups.flatMap((g) => g.options), ...options];
  const item = (o: FieldOption<T>): ReactNode => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <Field id={id} label={label} error={error} hint={hint} wide={wide}>
      <select
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy({ id, error, hint })}
        onChange={(e) => {
          const picked = all.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.value);
        }}
        onBlur={onBlur}
      >
        {(placeholder !== undefined || value === '') && !all.some((o) => o.value === '') && (
          <option value="" disabled>
            {placeholder ?? 'Choose…'}
          </option>
        )}
        {groups.map((g) =>
          g.options.length > 0 ? (
            <optgroup key={g.label} label={g.label}>
              {g.options.map(item)}
            </optgroup>
          ) : null,
        )}
        {options.map(item)}
      </select>
    </Field>
  );
}

/** Several of a set of options, as checkboxes in a fieldset: the value is the chosen values, in the options' order. */
export function CheckboxGroup<T extends string>({
  id,
  label,
  error,
  hint,
  wide,
  value,
  onChange,
  onBlur,
  options,
}: FieldFrame & { value: readonly T[]; onChange: (value: T[]) => void; onBlur?(): void; options: readonly FieldOption<T>[] }) {
  const chosen = new Set(value);
  return (
    <fieldset
      id={id}
      className={`field ui-checks${wide ? ' field--wide' : ''}${error ? ' field--error' : ''}`}
      aria-describedby={describedBy({ id, error, hint })}
      onBlur={onBlur}
    >
      <legend>{label}</legend>
      <div className="ui-checks__options">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input
              type="checkbox"
              name={id}
              value={o.value}
              checked={chosen.has(o.value)}
              onChange={() => {
                const next = new Set(chosen);
                if (next.has(o.value)) next.delete(o.value);
                else next.add(o.value);
                onChange(options.filter((x) => next.has(x.value)).map((x) => x.value));
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {label} {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
