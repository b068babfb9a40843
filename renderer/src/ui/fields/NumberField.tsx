import { useState } from 'react';
import { type Emptiable, emitEmpty } from './empty';
import { describedBy, Field, type FieldFrame } from './Field';

type Common = FieldFrame & {
  onBlur?(): void;
  /** Stored = shown × scale, rounded: hours shown, minutes stored (60); percent shown, basis points stored (100). */
  scale?: number;
  /** A shown number that does not scale to a whole (8.125 %) stays fractional, for the schema to refuse, instead of being rounded. */
  exact?: boolean;
  /** Negative numbers are refused unless allowed: a typed minus sign gets a message, it is never dropped. */
  allowNegative?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  /** What the number counts, after the field ("%", "h"). */
  unit?: string;
};

/** Empty is NaN (refused by the schema), null when `nullable`, undefined when `optional`. */
export type NumberFieldProps = Common & Emptiable<number>;

const MINUS = /[-\u2212]/;

/** The text a person typed → the number it says, or a message why it is not one. */
export function readNumber(text: string, allowNegative = false): { number: number | null; problem?: string } {
  const t = text.trim().replace(/\s|'/g, '').replace(',', '.');
  if (t === '') return { number: null };
  if (MINUS.test(t) && !allowNegative) return { number: null, problem: 'cannot be negative: remove the minus sign' };
  if (!/^[-\u2212+]?(\d+\.?\d*|\.\d+)$/.test(t)) return { number: null, problem: 'must be a number, such as 12 or 7.5' };
  return { number: Number(t.replace('\u2212', '-')) };
}

const shown = (value: number | null | undefined, scale: number) =>
  value === null || value === undefined || Number.isNaN(value) ? '' : String(Math.round((value / scale) * 1e6) / 1e6);

/**
 * A number typed as text: the field keeps exactly what was typed (a minus sign,
 * a comma) and says what is wrong with it, instead of a browser number input
 * silently dropping what it does not understand.
 */
export function NumberField(props: NumberFieldProps) {
  const { id, label, error, hint, wide, onBlur, scale = 1, exact = false, allowNegative = false, placeholder, autoFocus, unit } = props;
  const [text, setText] = useState(() => shown(props.value, scale));
  const [emitted, setEmitted] = useState<number | null | undefined>(props.value);
  // The value changed from outside (a reset, a default filled in): show it.
  if (!Object.is(emitted, props.value)) {
    setEmitted(props.value);
    setText(shown(props.value, scale));
  }
  const { problem } = readNumber(text, allowNegative);
  const message = problem ?? error;

  function change(next: string) {
    setText(next);
    const read = readNumber(next, allowNegative);
    if (read.problem) {
      // A refused text is neither a number nor "none": NaN keeps the form from saving it.
      setEmitted(Number.NaN);
      props.onChange(Number.NaN);
    } else if (read.number === null) {
      setEmitted(props.nullable ? null : props.optional ? undefined : Number.NaN);
      emitEmpty(props, Number.NaN);
    } else {
      const scaled = read.number * scale;
      const whole = Math.round(scaled);
      const stored = scale === 1 ? read.number : exact && Math.abs(scaled - whole) > 1e-6 ? scaled : whole;
      setEmitted(stored);
      props.onChange(stored);
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
