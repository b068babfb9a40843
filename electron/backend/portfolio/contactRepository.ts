import type { Db } from '@backend/core/db/connection';
import { StatementCache } from '@backend/core/sql';
import type { ClientContact } from '@shared/portfolio/contract/contacts';

type ContactRow = {
  id: string;
  client_id: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  notes: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
};

/** The contacts at clients: all their SQL. */
export class ContactRepository {
  private readonly statements: StatementCache;
  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  get(id: string): ClientContact | null {
    const row = this.statements.get('SELECT * FROM client_contact WHERE id = ?').get(id) as ContactRow | undefined;
    return row ? toContact(row) : null;
  }

  ofClient(clientId: string): ClientContact[] {
    const rows = this.statements
      .get('SELECT * FROM client_contact WHERE client_id = ? ORDER BY name COLLATE NOCASE, id')
      .all(clientId) as ContactRow[];
    return rows.map(toContact);
  }

  findByName(clientId: string, name: string): ClientContact | null {
    const row = this.statements.get('SELECT * FROM client_contact WHERE client_id = ? AND name = ? COLLATE NOCASE').get(clientId, name) as
      | ContactRow
      | undefined;
    return row ? toContact(row) : null;
  }

  setArchived(id: string, archivedAt: string | null, updatedAt: string): void {
    this.statements.get('UPDATE client_contact SET archived_at = ?, updated_at = ? WHERE id = ?').run(archivedAt, updatedAt, id);
  }

  count(): number {
    return (this.statements.get('SELECT count(*) AS n FROM client_contact').get() as { n: number }).n;
  }

  insert(c: ClientContact): void {
    this.statements
      .get(
        `INSERT INTO client_contact (id, client_id, name, title, email, phone, notes, created_at, updated_at)
         VALUES (@id, @clientId, @name, @title, @email, @phone, @notes, @createdAt, @updatedAt)`,
      )
      .run(c);
  }

  update(c: ClientContact): void {
    this.statements
      .get(
        `UPDATE client_contact SET name = @name, title = @title, email = @email, phone = @phone, notes = @notes, updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run(c);
  }
}

function toContact(row: ContactRow): ClientContact {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
