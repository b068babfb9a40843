import { useState } from 'react';
import { describedBy, Field, type FieldFrame } from './Field';

type Common = FieldFrame & {
  onBlur?(): void;
  /** Stored = shown × scale, rounded: hours shown, minutes stored (60); percent shown, basis points stored (100). */
  scale?: number;
  /** Negative numbers are refused unless allowed: a typed minus sign gets a message, it is never dropped. */
  allowNegative?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  /** What the number counts, after the field ("%", "h"). */
  unit?: string;
};

/** Empty is "not filled in": NaN, which the schema refuses with its own message. */
type Filled = Common & { nullable?: false; value: number; onChange(value: number): void };
/** Empty is "none" (no cap): null. */
type Nullable = Common & { nullable: true; value: number | null; onChange(value: number | null): void };

export type NumberFieldProps = Filled | Nullable;

const MINUS = /[-\u2212]/;

/** The text a person typed → the number it says, or a message why it is not one. */
export function readNumber(text: string, allowNegative = false): { number: number | null; problem?: string } {
  const t = text.trim().replace(/\s|'/g, '').replace(',', '.');
  if (t === '') return { number: null };
  if (MINUS.test(t) && !allowNegative) return { number: null, problem: 'cannot be negative: remove the minus sign' };
  if (!/^[-\u2212+]?(\d+\.?\d*|\.\d+)$/.test(t)) return { number: null, problem: 'must be a number, such as 12 or 7.5' };
  return { number: Number(t.replace('\u2212', '-')) };
}

const shown = (value: number | null, scale: number) =>
  value === null || Number.isNaN(value) ? '' : String(Math.round((value / scale) * 1e6) / 1e6);

/**
 * A number typed as text: the field keeps exactly what was typed (a minus sign,
 * a comma) and says what is wrong with it, instead of a browser number input
 * silently dropping what it does not understand.
 */
export function NumberField(props: NumberFieldProps) {
  const { id, label, error, hint, wide, onBlur, scale = 1, allowNegative = false, placeholder, autoFocus, unit } = props;
  const [text, setText] = useState(() => shown(props.value, scale));
  const [emitted, setEmitted] = useState<number | null>(props.value);
  // The value changed from outside (a reset, a default filled in): show it.
  if (!Object.is(emitted, props.value)) {
    setEmitted(props.value);
    setText(shown(props.value, scale));
  }
  const { number, problem } = readNumber(text, allowNegative);
  const message = problem ?? error;

  function change(next: string) {
    setText(next);
    const read = readNumber(next, allowNegative);
    const stored = read.number === null ? null : scale === 1 ? read.number : Math.round(read.number * scale);
    if (props.nullable) {
      // A refused text is not "none": NaN keeps the form from saving it.
      const out = read.problem ? Number.NaN : stored;
      setEmitted(out);
      props.onChange(out);
    } else {
      const out = stored ?? Number.NaN;
      setEmitted(out);
      props.onChange(out);
    }
  }

  return (
    <Field id={id} label={label} error={message} hint={hint} wide={wide}>
      <span className="number-field">
        <input
          id={id}
          name={id}
          type="text"
          inputMode={allowNegative ? 'text' : 'decimal'}
          value={text}
          placeholder={placeholder}
          // biome-ignore lint/a11y/noAutofocus: the first field of a form the user just opened
          autoFocus={autoFocus}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy({ id, error: message, hint })}
          onChange={(e) => change(e.target.value)}
          onBlur={onBlur}
        />
        {unit && <span className="number-field__unit">{unit}</span>}
      </span>
    </Field>
  );
}
