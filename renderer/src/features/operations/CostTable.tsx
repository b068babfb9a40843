import { Badge } from '@renderer/ui/Badge';
import { formatHours } from '@shared/billing/rules/duration';
import { formatAmount } from '@shared/kernel/money';
import type { CostMonthRow } from '@shared/operations/contract/costs';
import { COST_CATEGORIES, COST_CATEGORY_LABELS } from '@shared/operations/rules/costs';
import type { ReactNode } from 'react';

/**
 * Run cost as a table — one row per model (a client's month) or per month (a model's year): by category, the run
 * cost, against budget, per 1,000 predictions, the team and the cost to operate; amounts in the currency the caption
 * names. Wider than the screen, it scrolls in a focusable region.
 */
export function CostTable({
  label,
  currency,
  first,
  rows,
}: {
  label: string;
  currency: string;
  /** The first column's heading ("Model", "Month"). */
  first: string;
  rows: readonly { key: string; head: ReactNode; row: CostMonthRow }[];
}) {
  const money = (minor: number | null) => (minor === null || minor === 0 ? '—' : formatAmount(minor, currency));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen scrolls, and a keyboard user scrolls it too
    <section className="ops-scroll" aria-label={`${label} (scrolls sideways)`} tabIndex={0}>
      <table className="table ops-cost__table" aria-label={label}>
        <caption className="ops-caption">Amounts in {currency}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {COST_CATEGORIES.map((k) => (
              <th key={k} scope="col" className="num">
                {COST_CATEGORY_LABELS[k]}
              </th>
            ))}
            {['Run cost', 'Against budget', 'Per 1,000 predictions', 'Team', 'Cost to operate'].map((h) => (
              <th key={h} scope="col" className="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, head, row: m }) => (
            <tr key={key}>
              <td>{head}</td>
              {COST_CATEGORIES.map((k) => (
                <td key={k} className="num">
                  {money(m.byCategory[k] ?? 0)}
                </td>
              ))}
              <td className="num">
                <strong>{money(m.totalMinor)}</strong>
              </td>
              <td className="num">
                {m.budgetMinor === null ? (
                  '—'
                ) : m.over ? (
                  <>
                    {money(m.budgetMinor)}
                    <div>
                      <Badge tone="critical">Over by {money(m.varianceMinor)}</Badge>
                    </div>
                  </>
                ) : m.totalMinor === 0 ? (
                  money(m.budgetMinor)
                ) : (
                  <span className="muted">{formatAmount(-(m.varianceMinor ?? 0), currency)} left</span>
                )}
              </td>
              <td className="num">{m.per1kMinor === null ? '—' : formatAmount(m.per1kMinor, currency)}</td>
              <td className="num">
                {m.team.billedMinutes > 0 ? `${money(m.team.amountMinor)} (${formatHours(m.team.billedMinutes)})` : '—'}
              </td>
              <td className="num">{money(m.withTeamMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
