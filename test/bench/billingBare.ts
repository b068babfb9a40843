import type { Db } from '@backend/core/db/connection';

/**
 * The month close written by hand in SQL, prepared once: the floor Keel's
 * month close is compared against.
 *
 * - `sums`: minutes per engagement and specialist of a date range, one
 *   GROUP BY over the covering month index — the figure months.list shows
 *   per engagement, and nothing else.
 * - `invoices`: the invoice totals too, still in one statement: each entry's
 *   rate looked up by two index seeks (a specialist override in effect, else
 *   the role rate in effect), minutes rounded up to the engagement's
 *   increment, one line per specialist and rate (a rate period: rates are
 *   effective-dated, so each covers one run of days), each amount rounded
 *   once half away from zero, VAT once on the net. No warnings, no review.
 */

export type MonthSum = { engagementId: string; specialistId: string; minutes: number };
export type EngagementInvoice = {
  engagementId: string;
  minutes: number;
  billedMinutes: number;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
};

/** One row per month entry with its rate and billed minutes: shared by the invoice and the export statements. */
export const RATED_ENTRIES = `
  rated AS (
    SELECT t.engagement_id, t.specialist_id, t.minutes, t.billable,
      CASE WHEN t.billable = 0 THEN 0 WHEN e.rounding_minutes = 0 THEN t.minutes
           ELSE (t.minutes + e.rounding_minutes - 1) / e.rounding_minutes * e.rounding_minutes END AS billed,
      coalesce(
        (SELECT r.id FROM rate r WHERE r.engagement_id = t.engagement_id AND r.specialist_id = t.specialist_id
           AND r.effective_from <= t.date ORDER BY r.effective_from DESC LIMIT 1),
        (SELECT r.id FROM rate r WHERE r.engagement_id = t.engagement_id AND r.role = s.role
           AND r.effective_from <= t.date ORDER BY r.effective_from DESC LIMIT 1)) AS rate_id,
      t.date
    FROM time_entry t JOIN engagement e ON e.id = t.engagement_id JOIN specialist s ON s.id = t.specialist_id
    WHERE t.date BETWEEN @from AND @to
  ),
  line AS (
    SELECT l.engagement_id, l.specialist_id, l.rate_id, r.specialist_id IS NOT NULL AS override, r.hourly_rate_minor,
      min(l.date) AS first_date, max(l.date) AS last_date, count(*) AS entries,
      sum(CASE WHEN l.billable = 1 THEN l.minutes ELSE 0 END) AS minutes, sum(l.billed) AS billed,
      sum(CASE WHEN l.billable = 0 THEN l.minutes ELSE 0 END) AS non_billable,
      CASE WHEN l.rate_id IS NULL THEN 0 ELSE (sum(l.billed) * r.hourly_rate_minor + 30) / 60 END AS amount
    FROM rated l LEFT JOIN rate r ON r.id = l.rate_id
    GROUP BY l.engagement_id, l.specialist_id, l.rate_id
  )`;

export const MONTH_SUMS_SQL = `SELECT engagement_id AS engagementId, specialist_id AS specialistId, sum(minutes) AS minutes
  FROM time_entry WHERE date BETWEEN ? AND ? GROUP BY engagement_id, specialist_id`;

export function billingBareQueries(db: Db) {
  const sums = db.prepare<[string, string], MonthSum>(MONTH_SUMS_SQL);
  const invoices = db.prepare<{ from: string; to: string }, EngagementInvoice>(
    `WITH ${RATED_ENTRIES},
     net AS (
       SELECT l.engagement_id, sum(l.minutes) AS minutes, sum(CASE WHEN l.rate_id IS NULL THEN 0 ELSE l.billed END) AS billed,
         sum(l.amount) AS net
       FROM line l GROUP BY l.engagement_id
     )
     SELECT n.engagement_id AS engagementId, n.minutes, n.billed AS billedMinutes, n.net AS netMinor,
       (n.net * c.vat_basis_points + 5000) / 10000 AS vatMinor, n.net + (n.net * c.vat_basis_points + 5000) / 10000 AS grossMinor
     FROM net n JOIN engagement e ON e.id = n.engagement_id JOIN client c ON c.id = e.client_id`,
  );
  return {
    sums: (from: string, to: string) => sums.all(from, to),
    invoices: (from: string, to: string) => invoices.all({ from, to }),
  };
}
