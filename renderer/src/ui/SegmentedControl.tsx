import { type ReactNode, useRef } from 'react';
import { rovingTarget } from './roving';
import './ui.css';

export type SegmentOption<V extends string | number> = { value: V; label: ReactNode };

type Props<V extends string | number> = {
  /** Names the group: “Show”, “Quarter”. */
  label: string;
  // The type of the choices comes from `value` (a store's union), not from the option literals.
  options: readonly SegmentOption<NoInfer<V>>[];
  value: V;
  onChange(value: NoInfer<V>): void;
  className?: string;
};

/**
 * A few mutually exclusive choices shown side by side: a named group of
 * toggle buttons (aria-pressed), one tab stop (the pressed one); arrow keys
 * move and choose, Home/End go to the ends.
 */
export function SegmentedControl<V extends string | number>({ label, options, value, onChange, className }: Props<V>) {
  const group = useRef<HTMLFieldSetElement>(null);
  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.value !== value) onChange(option.value);
    group.current?.querySelectorAll('button')[index]?.focus();
  };
  return (
    <fieldset
      className={`ui-segmented${className ? ` ${className}` : ''}`}
      aria-label={label}
      ref={group}
      onKeyDown={(e) => {
        const index = options.findIndex((o) => o.value === value);
        const target = rovingTarget(e.key, index, options.length);
        if (target === null) return;
        e.preventDefault();
        choose(target);
      }}
    >
      {options.map((o, i) => {
        const on = o.value === value;
        return (
          <button
            key={String(o.value)}
            type="button"
            aria-pressed={on}
            tabIndex={on ? 0 : -1}
            className={on ? 'is-on' : ''}
            onClick={() => choose(i)}
          >
            {o.label}
          </button>
        );
      })}
    </fieldset>
  );
}
