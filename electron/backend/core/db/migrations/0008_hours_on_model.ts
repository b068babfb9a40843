import type { Migration } from './types';

/**
 * Hours on a model: a time entry may name one of its engagement's models, so
 * a timesheet row is (engagement, activity, model or none).
 *
 * - `time_entry.model_id`, null for every existing entry (they were booked on
 *   no model, and stay exactly as they were: billing never reads the column).
 *   That the model belongs to the entry's engagement, and the day is on or
 *   after its in-service date, is checked by the services (the rule in
 *   shared/billing/rules/entries.ts) — the engagement of a model can change.
 * - `time_entry_model` serves the hours of one model (its page's Hours tab)
 *   and the finance workbook's "Hours by model" sheet, by month.
 */
export const m0008HoursOnModel: Migration = {
  version: 8,
  name: 'hours on a model',
  up: `
    ALTER TABLE time_entry ADD COLUMN model_id TEXT REFERENCES model (id);
    CREATE INDEX time_entry_model ON time_entry (model_id, date) WHERE model_id IS NOT NULL;
  `,
};
