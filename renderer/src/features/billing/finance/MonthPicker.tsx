import { MonthInput } from '@renderer/ui/fields';
import { nextMonth } from '@shared/billing/rules/months';

/** Previous / the month / Next. */
export function MonthPicker({ month, onChange }: { month: string; onChange(month: string): void }) {
  return (
    <div className="month-picker">
      <button type="button" className="button button--small" aria-label="Previous month" onClick={() => onChange(nextMonth(month, -1))}>
        ‹ Previous
      </button>
      <MonthInput label="Month" className="month-picker__input" value={month} onChange={onChange} />
      <button type="button" className="button button--small" aria-label="Next month" onClick={() => onChange(nextMonth(month))}>
        Next ›
      </button>
    </div>
  );
}
