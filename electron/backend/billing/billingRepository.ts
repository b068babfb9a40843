import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { RateItem, SpecialistCap } from '@shared/billing/contract/billing';
import type { RoundingIncrement } from '@shared/billing/rules/invoice';
import type { Rate } from '@shared/billing/rules/rates';
import type { SpecialistRole } from '@shared/clients/rules/reference';

type RateRow = {
  id: string;
  engagement_id: string;
  role: SpecialistRole | null;
  specialist_id: string | null;
  effective_from: string;
  hourly_rate_minor: number;
  created_at: string;
  specialist_name?: string | null;
  used?: number;
};

type TermsRow = { id: string; rounding_minutes: RoundingIncrement; monthly_cap_minutes: number | null };

type CapRow = { engagement_id: string; specialist_id: string; monthly_cap_minutes: number };

export type EngagementTerms = { roundingMinutes: RoundingIncrement; monthlyCapMinutes: number | null };

/** Rates, caps and the billing columns of engagements (settings live in the settings repository). */
export class BillingRepository {
  private readonly statements: StatementCache;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  rates(engagementId: string): RateItem[] {
    const rows = this.statements
      .get(
        `SELECT r.*, s.full_name AS specialist_name,
           EXISTS (SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE l.rate_id = r.id AND i.status = 'issued') AS used
         FROM rate r LEFT JOIN specialist s ON s.id = r.specialist_id
         WHERE r.engagement_id = ? ORDER BY r.specialist_id IS NOT NULL, r.role, s.full_name, r.effective_from`,
      )
      .all(engagementId) as RateRow[];
    return rows.map(toRateItem);
  }

  /**
   * The rates that can apply in [from, to] for every engagement: those taking
   * effect inside it, and for each role or specialist the last one in effect
   * on `from`. Older rates are superseded and never read.
   */
  ratesInEffect(from: string, to: string, engagementId?: string): Rate[] {
    const where = engagementId ? 'AND engagement_id = ?' : '';
    const params = engagementId ? [from, to, engagementId, from, engagementId] : [from, to, from];
    // The second part relies on SQLite's documented bare-column rule: with max(), the other columns come from the row holding the max.
    const rows = this.statements
      .get(
        `SELECT id, engagement_id, role, specialist_id, effective_from, hourly_rate_minor, created_at FROM rate
           WHERE effective_from > ? AND effective_from <= ? ${where}
         UNION ALL
         SELECT id, engagement_id, role, specialist_id, max(effective_from) AS effective_from, hourly_rate_minor, created_at FROM rate
           WHERE effective_from <= ? ${where}
           GROUP BY engagement_id, role, specialist_id`,
      )
      .all(...params) as RateRow[];
    return rows.map(toRate);
  }

  hasRates(engagementId: string): boolean {
    return Boolean(this.statements.get('SELECT 1 FROM rate WHERE engagement_id = ? LIMIT 1').get(engagementId));
  }

  rate(id: string): (Rate & { createdAt: string }) | null {
    const row = this.statements.get('SELECT * FROM rate WHERE id = ?').get(id) as RateRow | undefined;
    return row ? { ...toRate(row), createdAt: row.created_at } : null;
  }

  insertRate(rate: Rate, createdAt: string): void {
    this.statements
      .get(
        `INSERT INTO rate (id, engagement_id, role, specialist_id, effective_from, hourly_rate_minor, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(rate.id, rate.engagementId, rate.role, rate.specialistId, rate.effectiveFrom, rate.hourlyRateMinor, createdAt);
  }

  deleteRate(id: string): void {
    this.statements.get('DELETE FROM rate WHERE id = ?').run(id);
  }

  /** Whether an issued (not cancelled) invoice billed hours at this rate. */
  rateUsedByIssuedInvoice(id: string): boolean {
    return Boolean(
      this.statements
        .get(`SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE l.rate_id = ? AND i.status = 'issued' LIMIT 1`)
        .get(id),
    );
  }

  /** The same kind of rate (role or specialist) already effective from that date. */
  sameStart(rate: Pick<Rate, 'engagementId' | 'role' | 'specialistId' | 'effectiveFrom'>): string | null {
    const row = this.statements
      .get('SELECT id FROM rate WHERE engagement_id = ? AND role IS ? AND specialist_id IS ? AND effective_from = ?')
      .get(rate.engagementId, rate.role, rate.specialistId, rate.effectiveFrom) as { id: string } | undefined;
    return row?.id ?? null;
  }

  terms(engagementId: string): EngagementTerms | null {
    const row = this.statements.get('SELECT id, rounding_minutes, monthly_cap_minutes FROM engagement WHERE id = ?').get(engagementId) as
      | TermsRow
      | undefined;
    return row ? toTerms(row) : null;
  }

  /** Terms of every engagement, keyed by id. */
  allTerms(): Map<string, EngagementTerms> {
    const rows = this.statements.get('SELECT id, rounding_minutes, monthly_cap_minutes FROM engagement').all() as TermsRow[];
    return new Map(rows.map((r) => [r.id, toTerms(r)]));
  }

  setTerms(engagementId: string, terms: EngagementTerms, updatedAt: string): void {
    this.statements
      .get('UPDATE engagement SET rounding_minutes = ?, monthly_cap_minutes = ?, updated_at = ? WHERE id = ?')
      .run(terms.roundingMinutes, terms.monthlyCapMinutes, updatedAt, engagementId);
  }

  specialistCaps(engagementId: string): SpecialistCap[] {
    const rows = this.statements
      .get(
        `SELECT k.engagement_id, k.specialist_id, s.full_name AS specialist_name, k.monthly_cap_minutes
         FROM specialist_cap k JOIN specialist s ON s.id = k.specialist_id WHERE k.engagement_id = ? ORDER BY s.full_name`,
      )
      .all(engagementId) as (CapRow & { specialist_name: string })[];
    return rows.map(toSpecialistCap);
  }

  /** Every specialist cap, or one engagement's, keyed `engagementId|specialistId`. */
  capsByPerson(engagementId?: string): Map<string, number> {
    const rows = (
      engagementId
        ? this.statements
            .get('SELECT engagement_id, specialist_id, monthly_cap_minutes FROM specialist_cap WHERE engagement_id = ?')
            .all(engagementId)
        : this.statements.get('SELECT engagement_id, specialist_id, monthly_cap_minutes FROM specialist_cap').all()
    ) as CapRow[];
    return new Map(rows.map((r) => [`${r.engagement_id}|${r.specialist_id}`, r.monthly_cap_minutes]));
  }

  setSpecialistCap(engagementId: string, specialistId: string, minutes: number | null, at: string): void {
    if (minutes === null) {
      this.statements.get('DELETE FROM specialist_cap WHERE engagement_id = ? AND specialist_id = ?').run(engagementId, specialistId);
    } else {
      this.statements
        .get(
          `INSERT INTO specialist_cap (engagement_id, specialist_id, monthly_cap_minutes, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (engagement_id, specialist_id) DO UPDATE SET monthly_cap_minutes = excluded.monthly_cap_minutes, updated_at = excluded.updated_at`,
        )
        .run(engagementId, specialistId, minutes, at);
    }
  }

  /**
   * Engagement-months before `beforeMonth` (YYYY-MM) back to `sinceMonth` that have hours:
   * how many are still open, and how many are approved but not invoiced.
   */
  monthsAwaitingClose(sinceMonth: string, beforeMonth: string): { open: number; approved: number } {
    // Per engagement and month, one index seek for "any hours?" (time_entry_engagement), instead of
    // reading every entry of the year for its distinct months: the navigation badges ask after each command.
    const row = this.statements
      .get(
        `WITH RECURSIVE months (month, first, next) AS (
           SELECT substr(@since, 1, 7), @since, date(@since, '+1 month') WHERE @since < @before
           UNION ALL SELECT substr(next, 1, 7), next, date(next, '+1 month') FROM months WHERE next < @before
         )
         SELECT SUM(mc.status IS NULL) AS open, SUM(mc.status = 'approved') AS approved
         FROM months m JOIN engagement e
         LEFT JOIN month_close mc ON mc.engagement_id = e.id AND mc.month = m.month
         WHERE EXISTS (SELECT 1 FROM time_entry t WHERE t.engagement_id = e.id AND t.date >= m.first AND t.date < m.next)`,
      )
      .get({ since: `${sinceMonth}-01`, before: `${beforeMonth}-01` }) as { open: number | null; approved: number | null };
    return { open: row.open ?? 0, approved: row.approved ?? 0 };
  }
}

function toRate(r: RateRow): Rate {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    role: r.role,
    specialistId: r.specialist_id,
    effectiveFrom: r.effective_from,
    hourlyRateMinor: r.hourly_rate_minor,
  };
}

function toTerms(r: TermsRow): EngagementTerms {
  return { roundingMinutes: r.rounding_minutes, monthlyCapMinutes: r.monthly_cap_minutes };
}

function toRateItem(r: RateRow): RateItem {
  return { ...toRate(r), specialistName: r.specialist_name ?? null, createdAt: r.created_at, usedByIssuedInvoice: r.used === 1 };
}

function toSpecialistCap(r: CapRow & { specialist_name: string }): SpecialistCap {
  return { specialistId: r.specialist_id, specialistName: r.specialist_name, monthlyCapMinutes: r.monthly_cap_minutes };
}
