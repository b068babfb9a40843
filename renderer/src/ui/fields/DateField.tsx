import { dateExample, day, month, parseDay, parseMonth } from '@renderer/components/dates';
import { useRef, useState } from 'react';
import { type Emptiable, emitEmpty } from './empty';
import { describedBy, Field, type FieldFrame } from './Field';

type Common = FieldFrame & { onBlur?(): void; autoFocus?: boolean; placeholder?: string };
/** Empty is '' (refused by the schema), null when `nullable` (an open end), undefined when `optional` (left out). */
export type DateFieldProps = Common & Emptiable<string>;

type Kind = {
  native: 'date' | 'month';
  show(value: string): string;
  parse(text: string): string | null;
  problem(): string;
  picker: string;
};

const DAY: Kind = {
  native: 'date',
  show: (v) => (parseDay(v) === v ? day(v) : v),
  parse: parseDay,
  problem: () => `is not a date: write it like ${dateExample()}`,
  picker: 'calendar',
};

const MONTH: Kind = {
  native: 'month',
  show: (v) => (parseMonth(v) === v ? month(v) : v),
  parse: parseMonth,
  problem: () => `is not a month: write it like ${month('2026-11')}`,
  picker: 'month calendar',
};

/**
 * A date in the user's format ("30 Nov 2026" in en-GB, "30. Nov. 2026" in de-CH):
 * typed as text (the locale's medium or numeric form, or ISO) or chosen with
 * the browser's picker behind the button. The form receives `YYYY-MM-DD`.
 */
export function DateField(props: DateFieldProps) {
  return <CalendarField kind={DAY} {...props} />;
}

/** A month in the user's format ("Nov 2026"); the form receives `YYYY-MM`. */
export function MonthField(props: DateFieldProps) {
  return <CalendarField kind={MONTH} {...props} />;
}

function CalendarField(props: DateFieldProps & { kind: Kind }) {
  const { kind, id, label, error, hint, wide, onBlur, autoFocus, placeholder } = props;
  const native = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => kind.show(props.value ?? ''));
  const [emitted, setEmitted] = useState<string | null | undefined>(props.value);
  // The value changed from outside (a default filled in, a reset): show it.
  if (emitted !== props.value) {
    setEmitted(props.value);
    setText(kind.show(props.value ?? ''));
  }
  const trimmed = text.trim();
  const parsed = trimmed === '' ? null : kind.parse(trimmed);
  const problem = trimmed !== '' && parsed === null ? kind.problem() : undefined;
  const message = problem ?? error;

  function emit(value: string) {
    if (value === '') {
      setEmitted(props.nullable ? null : props.optional ? undefined : '');
      emitEmpty(props, '');
    } else {
      setEmitted(value);
      props.onChange(value);
    }
  }

  function change(next: string) {
    setText(next);
    const t = next.trim();
    // Text that is not a date goes to the form as typed: the schema refuses it, nothing saves it.
    emit(t === '' ? '' : (kind.parse(t) ?? t));
  }

  return (
    <Field id={id} label={label} error={message} hint={hint} wide={wide}>
      <span className="date-field">
        <input
          id={id}
          name={id}
          type="text"
          autoComplete="off"
          value={text}
          placeholder={placeholder ?? `e.g. ${kind === DAY ? dateExample() : month('2026-11')}`}
          // biome-ignore lint/a11y/noAutofocus: the first field of a form the user just opened
          autoFocus={autoFocus}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy({ id, error: message, hint })}
          onChange={(e) => change(e.target.value)}
          onBlur={() => {
            if (parsed) setText(kind.show(parsed));
            onBlur?.();
          }}
        />
        <button
          type="button"
          className="date-field__pick"
          aria-label={`Open the ${kind.picker}`}
          title="Choose from a calendar"
          onClick={() => {
            const input = native.current;
            if (!input) return;
            input.value = parsed ?? '';
            if (typeof input.showPicker === 'function') input.showPicker();
            else input.focus();
          }}
        >
          <CalendarIcon />
        </button>
        <input
          ref={native}
          className="date-field__native"
          type={kind.native}
          tabIndex={-1}
          aria-hidden="true"
          defaultValue=""
          onChange={(e) => {
            const v = e.target.value;
            if (!v) return;
            setText(kind.show(v));
            emit(v);
            onBlur?.();
          }}
        />
      </span>
    </Field>
  );
}

type BareProps = {
  /** The accessible name: a toolbar control has no visible label of its own. */
  label: string;
  value: string;
  /** Called with a real date (a month for MonthInput) only; text that is not one is marked and put back on leaving. */
  onChange: (value: string) => void;
  className?: string;
  title?: string;
};

/** A toolbar's date ("From", "Week of"): the same text and picker as DateField, without a form field's frame. */
export function DateInput(props: BareProps) {
  return <BareCalendar kind={DAY} {...props} />;
}

/** A toolbar's month: "Nov 2026", typed or picked. */
export function MonthInput(props: BareProps) {
  return <BareCalendar kind={MONTH} {...props} />;
}

function BareCalendar({ kind, label, value, onChange, className, title }: BareProps & { kind: Kind }) {
  const native = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => kind.show(value));
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(kind.show(value));
  }
  const parsed = kind.parse(text);
  return (
    <span className={`date-field date-field--bare${className ? ` ${className}` : ''}`}>
      <input
        type="text"
        autoComplete="off"
        aria-label={label}
        title={parsed === null ? `${label} ${kind.problem()}` : title}
        aria-invalid={parsed === null ? true : undefined}
        value={text}
        size={kind === DAY ? 11 : 8}
        onChange={(e) => {
          setText(e.target.value);
          const next = kind.parse(e.target.value);
          if (next && next !== value) {
            setShownValue(next);
            onChange(next);
          }
        }}
        onBlur={() => setText(kind.show(value))}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setText(kind.show(value));
        }}
      />
      <button
        type="button"
        className="date-field__pick"
        aria-label={`Open the ${kind.picker}`}
        title="Choose from a calendar"
        onClick={() => {
          const input = native.current;
          if (!input) return;
          input.value = value;
          if (typeof input.showPicker === 'function') input.showPicker();
          else input.focus();
        }}
      >
        <CalendarIcon />
      </button>
      <input
        ref={native}
        className="date-field__native"
        type={kind.native}
        tabIndex={-1}
        aria-hidden="true"
        defaultValue=""
        onChange={(e) => {
          const v = e.target.value;
          if (v && v !== value) {
            setShownValue(v);
            setText(kind.show(v));
            onChange(v);
          }
        }}
      />
    </span>
  );
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
      <path
        d="M4 1v2M12 1v2M2 5h12M3 3h10a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
