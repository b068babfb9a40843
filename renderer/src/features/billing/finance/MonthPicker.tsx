import { MONTH_RE, nextMonth } from '@shared/billing/rules/months';

/** Previous / the month / Next. */
export function MonthPicker({ month, onChange }: { month: string; onChange(month: string): void }) {
  return (
    <div className="month-picker">
      <button type="button" className="button button--small" aria-label="Previous month" onClick={() => onChange(nextMonth(month, -1))}>
        ‹ Previous
      </button>
      <input
        type="month"
        aria-label="Month"
        className="month-picker__input"
        value={month}
        onChange={(e) => {
          // Clearing the field leaves an empty value; keep the month shown until a real one is picked.
          if (MONTH_RE.test(e.target.value)) onChange(e.target.value);
        }}
      />
      <button type="button" className="button button--small" aria-label="Next month" onClick={() => onChange(nextMonth(month))}>
        Next ›
      </button>
    </div>
  );
}
