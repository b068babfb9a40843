import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import { ROLE_LABELS } from '@shared/clients/rules/reference';
import type { MatrixPerson } from '@shared/ownership/contract/matrix';
import { initialsOf } from '@shared/ownership/rules/people';
import type { PersonRef } from '@shared/ownership/rules/vocabulary';
import type { RiskTier, Stage } from '@shared/portfolio/rules/vocabulary';

export type ModelFact = { id: string; engagementId: string; name: string; riskTier: RiskTier; stage: Stage; inServiceSince: string };
export type EngagementFact = { id: string; name: string; clientId: string; clientName: string; timeZone: string; holidayCalendar: string };

/** What the matrix reads from other areas' tables, in a few set-wise queries (the checks run over every engagement at once). */
export class OwnershipReadRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  /** Engagements with their client's names, zone and calendar: the given ones, or every one with a model or an asset (null). */
  engagements(ids: readonly string[] | null): EngagementFact[] {
    const select = `SELECT e.id, e.name, e.client_id AS clientId, c.name AS clientName, c.time_zone AS timeZone, c.holiday_calendar AS holidayCalendar
      FROM engagement e JOIN client c ON c.id = e.client_id`;
    return (
      ids === null
        ? this.statements
            .get(
              `${select} WHERE EXISTS (SELECT 1 FROM model m WHERE m.engagement_id = e.id) OR EXISTS (SELECT 1 FROM asset a WHERE a.engagement_id = e.id)`,
            )
            .all()
        : this.statements.get(`${select} WHERE e.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids))
    ) as EngagementFact[];
  }

  /**
   * The models that are matrix rows: those in pilot or production, and any other with an assignment in
   * force on the day (a retired model still owned keeps its row until its duties end).
   */
  models(engagementIds: readonly string[] | null, day: string): ModelFact[] {
    const where = `(m.stage IN ('pilot', 'production') OR EXISTS (SELECT 1 FROM assignment x WHERE x.target_id = m.id AND x.from_date <= @day
      AND (x.to_date IS NULL OR x.to_date >= @day)))`;
    const select = `SELECT m.id, m.engagement_id AS engagementId, m.name, m.risk_tier AS riskTier, m.stage, m.in_service_since AS inServiceSince FROM model m`;
    return (
      engagementIds === null
        ? this.statements.get(`${select} WHERE m.engagement_id IS NOT NULL AND ${where} ORDER BY m.name COLLATE NOCASE, m.id`).all({ day })
        : this.statements
            .get(`${select} WHERE m.engagement_id IN (SELECT value FROM json_each(@ids)) AND ${where} ORDER BY m.name COLLATE NOCASE, m.id`)
            .all({ day, ids: JSON.stringify(engagementIds) })
    ) as ModelFact[];
  }

  /** The named people, by person key; unknown ids are left out. */
  people(refs: readonly PersonRef[]): Map<string, MatrixPerson> {
    const specialists = [...new Set(refs.filter((r) => r.kind === 'specialist').map((r) => r.id))];
    const contacts = [...new Set(refs.filter((r) => r.kind === 'contact').map((r) => r.id))];
    const out = new Map<string, MatrixPerson>();
    if (specialists.length > 0) {
      const rows = this.statements
        .get(
          `SELECT id, full_name AS name, role AS title, email, status, archived_at FROM specialist WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(specialists)) as {
        id: string;
        name: string;
        title: string;
        email: string;
        status: string;
        archived_at: string | null;
      }[];
      for (const r of rows) {
        out.set(
          `specialist:${r.id}`,
          person('specialist', r.id, r.name, roleLabel(r.title), r.email, '', r.status === 'left' || r.archived_at !== null),
        );
      }
    }
    if (contacts.length > 0) {
      const rows = this.statements
        .get(`SELECT id, name, title, email, phone, archived_at FROM client_contact WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(contacts)) as {
        id: string;
        name: string;
        title: string;
        email: string;
        phone: string;
        archived_at: string | null;
      }[];
      for (const r of rows) out.set(`contact:${r.id}`, person('contact', r.id, r.name, r.title, r.email, r.phone, r.archived_at !== null));
    }
    return out;
  }

  /** A specialist's home calendar (country, subdivision), for their public holidays. */
  homeCalendars(specialistIds: readonly string[]): Map<string, { country: string; subdivision: string }> {
    if (specialistIds.length === 0) return new Map();
    const rows = this.statements
      .get(
        'SELECT id, home_country AS country, home_subdivision AS subdivision FROM specialist WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(specialistIds)) as { id: string; country: string; subdivision: string }[];
    return new Map(rows.map((r) => [r.id, { country: r.country, subdivision: r.subdivision }]));
  }

  /** The gap count the bench compares with: target-duties of model rows with no Accountable in force on a day, in SQL alone. */
  modelDutiesWithoutAccountable(day: string): number {
    return (
      this.statements
        .get(
          `SELECT count(*) AS n FROM model m, json_each('["data_ingestion","training","deployment","monitoring","incident_response","rollback","governance","cost"]') d
           WHERE m.engagement_id IS NOT NULL AND m.stage IN ('pilot', 'production') AND NOT EXISTS (SELECT 1 FROM assignment x
             WHERE x.target_id = m.id AND x.duty_key = d.value AND x.role = 'accountable' AND x.from_date <= @day AND (x.to_date IS NULL OR x.to_date >= @day))`,
        )
        .get({ day }) as { n: number }
    ).n;
  }
}

function person(
  kind: 'specialist' | 'contact',
  id: string,
  name: string,
  title: string,
  email: string,
  phone: string,
  inactive: boolean,
): MatrixPerson {
  return { key: `${kind}:${id}`, kind, id, name, initials: initialsOf(name), email, phone, title, inactive };
}

/** A specialist's role in words ("MLOps engineer"), as the matrix and the responder's panel show it. */
function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
