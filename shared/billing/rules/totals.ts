/** The figures of one engagement month or invoice that add up: whole minutes and integer minor units of one currency. */
export type BilledAmounts = { currency: string; minutes: number; netMinor: number; vatMinor: number; grossMinor: number };

/** The sum of the rows in one currency, and how many rows it holds. */
export type CurrencyTotal = BilledAmounts & { count: number };

const FIELDS = ['minutes', 'netMinor', 'vatMinor', 'grossMinor'] as const;

function checked(field: (typeof FIELDS)[number], value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${field} must be a whole number of ${field === 'minutes' ? 'minutes' : 'minor units'}, not ${value}`);
  }
  return value;
}

/**
 * Totals per currency, one entry per currency present, ordered by currency
 * code. Amounts in different currencies are never added together; there is
 * no grand total. Everything is integer arithmetic (minutes, minor units):
 * a non-integer input or a sum beyond the safe-integer range is refused
 * rather than rounded. An empty list has no totals.
 */
export function totalsByCurrency(rows: readonly BilledAmounts[]): CurrencyTotal[] {
  const totals = new Map<string, CurrencyTotal>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? { currency: row.currency, count: 0, minutes: 0, netMinor: 0, vatMinor: 0, grossMinor: 0 };
    total.count += 1;
    for (const field of FIELDS) total[field] = checked(field, total[field] + checked(field, row[field]));
    totals.set(row.currency, total);
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
