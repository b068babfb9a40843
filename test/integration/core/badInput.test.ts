import { procedureNames } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../../support/backend';
import type { CaseTable, RegisteredBadInputArea } from '../../support/badInput';
import { appBadInput } from '../app/badInput.cases';
import { auditBadInput } from '../audit/badInput.cases';
import { billingBadInput } from '../billing/badInput.cases';
import { ceremoniesBadInput } from '../ceremonies/badInput.cases';
import { clientsBadInput } from '../clients/badInput.cases';
import { continuityBadInput } from '../continuity/badInput.cases';
import { maturityBadInput } from '../maturity/badInput.cases';
import { monitoringBadInput } from '../monitoring/badInput.cases';
import { operationsBadInput } from '../operations/badInput.cases';
import { ownershipBadInput } from '../ownership/badInput.cases';
import { planBadInput } from '../plan/badInput.cases';
import { portfolioBadInput } from '../portfolio/badInput.cases';

/**
 * Every procedure refuses bad input with a typed error — code, a sentence,
 * field issues — and changes nothing. Each area declares its cases (and the
 * records they refer to) in `test/integration/<area>/badInput.cases.ts`; this
 * list registers the areas. A new procedure without a case fails the
 * completeness test at the bottom.
 *
 * Ordered: an area's set-up may use the records of the areas before it.
 */
const AREAS: readonly RegisteredBadInputArea[] = [
  appBadInput,
  clientsBadInput,
  planBadInput,
  billingBadInput,
  continuityBadInput,
  portfolioBadInput,
  ownershipBadInput,
  monitoringBadInput,
  ceremoniesBadInput,
  operationsBadInput,
  maturityBadInput,
  auditBadInput,
];

let b: TestBackend;
/** Each area's cases, by area name, built once every area's records exist. */
const declared = new Map<string, CaseTable>();
/** All areas' cases together. */
let cases: CaseTable = {};

let tick = 0;
// Today is 2026-11-24; the clock moves 1 s per call, so a write that slipped through would change an updated_at.
const clock = () => new Date(Date.UTC(2026, 10, 24, 9, 0, tick++));

beforeAll(async () => {
  b = openTestBackend({ clock });
  let fixture: object = {};
  // The list's order is what gives each set-up the records it is typed to receive.
  for (const area of AREAS) if (area.setUp) fixture = { ...fixture, ...(await area.setUp(b, fixture as never)) };
  for (const area of AREAS) declared.set(area.area, area.cases(fixture as never));
  cases = Object.assign({}, ...declared.values());
});
afterAll(() => b.dispose());

function snapshot() {
  return b.db
    .prepare(
      `SELECT (SELECT count(*) FROM client) c, (SELECT count(*) FROM engagement) e, (SELECT count(*) FROM specialist) s,
              (SELECT count(*) FROM audit_log) a, (SELECT max(updated_at) FROM client) cu, (SELECT max(updated_at) FROM engagement) eu,
              (SELECT max(updated_at) FROM specialist) su, (SELECT count(*) FROM allocation) al, (SELECT count(*) FROM absence) ab,
              (SELECT count(*) FROM staffing_request) r, (SELECT max(updated_at) FROM allocation) alu,
              (SELECT max(updated_at) FROM absence) abu, (SELECT max(updated_at) FROM staffing_request) ru,
              (SELECT count(*) FROM time_entry) t, (SELECT max(updated_at) FROM time_entry) tu, (SELECT sum(minutes) FROM time_entry) tm,
              (SELECT count(*) FROM rate) rt, (SELECT count(*) FROM specialist_cap) sc, (SELECT count(*) FROM month_close) mc,
              (SELECT group_concat(status) FROM month_close) mcs, (SELECT count(*) FROM invoice) i,
              (SELECT group_concat(status) FROM invoice) ist, (SELECT count(*) FROM setting) st,
              (SELECT group_concat(key || '=' || value) FROM setting) sv, (SELECT count(*) FROM replacement_request) rr,
              (SELECT max(updated_at) FROM replacement_request) rru, (SELECT group_concat(status) FROM replacement_request) rrs,
              (SELECT count(*) FROM replacement_pause) rp, (SELECT max(updated_at) FROM replacement_pause) rpu,
              (SELECT count(*) FROM replacement_candidate) rc, (SELECT max(updated_at) FROM replacement_candidate) rcu,
              (SELECT count(*) FROM client_contact) cc, (SELECT max(updated_at) FROM client_contact) ccu,
              (SELECT count(*) FROM model) m, (SELECT max(updated_at) FROM model) mu,
              (SELECT group_concat(stage || ai_act_category) FROM model) ms, (SELECT count(*) FROM model_stage_transition) mt,
              (SELECT count(*) FROM model_version) mv, (SELECT count(*) FROM model_approval) ma, (SELECT count(*) FROM promotion_policy) pp,
              (SELECT count(*) FROM environment) en, (SELECT count(*) FROM deployment) dp, (SELECT group_concat(coalesce(to_at, '-')) FROM deployment) dpt,
              (SELECT count(*) FROM model_card) card, (SELECT max(updated_at) FROM model_card) cardu,
              (SELECT group_concat(coalesce(archived_at, '-')) FROM client_contact) cca, (SELECT count(*) FROM asset) ast,
              (SELECT max(updated_at) FROM asset) astu, (SELECT count(*) FROM asset_model) am, (SELECT count(*) FROM duty) du,
              (SELECT count(*) FROM duty_applicability) da, (SELECT count(*) FROM assignment) asg,
              (SELECT group_concat(coalesce(to_date, '-')) FROM assignment) asgt, (SELECT count(*) FROM ownership_snapshot) os,
              (SELECT count(*) FROM maturity_framework) mf, (SELECT count(*) FROM maturity_assessment) mas,
              (SELECT max(updated_at) FROM maturity_assessment) masu, (SELECT group_concat(status) FROM maturity_assessment) mass,
              (SELECT count(*) FROM maturity_answer) man, (SELECT max(updated_at) FROM maturity_answer) manu,
              (SELECT count(*) FROM maturity_target) mtg, (SELECT max(updated_at) FROM maturity_target) mtgu,
              (SELECT count(*) FROM maturity_readiness) mr, (SELECT count(*) FROM monitoring_slo) slo,
              (SELECT max(updated_at) FROM monitoring_slo) slou, (SELECT count(*) FROM reading) rd, (SELECT sum(value) FROM reading) rdv,
              (SELECT count(*) FROM reading_series) rs, (SELECT count(*) FROM reading_import) ri, (SELECT count(*) FROM monitoring_mapping) mm,
              (SELECT count(*) FROM ceremony_series) cs, (SELECT max(updated_at) FROM ceremony_series) csu,
              (SELECT group_concat(coalesce(rrule, '-')) FROM ceremony_series) csr, (SELECT count(*) FROM ceremony_exception) cx,
              (SELECT count(*) FROM ceremony_occurrence) co, (SELECT max(updated_at) FROM ceremony_occurrence) cou,
              (SELECT count(*) FROM ceremony_decision) cd, (SELECT count(*) FROM ceremony_action) ca,
              (SELECT max(updated_at) FROM ceremony_action) cau, (SELECT count(*) FROM ceremony_freeze) cf,
              (SELECT count(*) FROM retraining_policy) rpo, (SELECT count(*) FROM retraining_run) rru, (SELECT count(*) FROM incident) inc,
              (SELECT max(updated_at) FROM incident) incu, (SELECT count(*) FROM incident_entry) ince,
              (SELECT count(*) FROM cost_line) cl, (SELECT sum(amount_minor) FROM cost_line) cls, (SELECT count(*) FROM cost_import) cim,
              (SELECT count(*) FROM cost_mapping) cm, (SELECT group_concat(monthly_minor) FROM cost_budget) cb`,
    )
    .get();
}

describe('bad input', () => {
  for (const name of procedureNames) {
    describe(name, () => {
      it('refuses each bad input with a typed, worded error and changes nothing', async () => {
        const list = cases[name] ?? [];
        expect(list.length, `${name} has no bad-input case`).toBeGreaterThan(0);
        for (const c of list) {
          const before = snapshot();
          const result = await b.call(name, c.input);
          expect(result.ok, `${name}: ${c.why}`).toBe(false);
          if (result.ok) continue;
          expect(result.error.code, `${name}: ${c.why} → ${result.error.message}`).toBe(c.code);
          expect(result.error.message).toMatch(/^[A-Z“].*[.)]$/);
          expect(result.error.message).not.toMatch(/at .*\.ts:\d+|ZodError|SqliteError/);
          // Words, not field names or the schema library's own text.
          const words = [result.error.message, ...(result.error.issues ?? []).map((i) => i.message)];
          for (const text of words) {
            expect(text.replace(/“[^”]*”/g, '“…”'), `${name}: ${c.why}`).not.toMatch(
              /\b[a-z]+[A-Z][A-Za-z]*\b|Too (small|big)|expected [a-z]+ to|Invalid (input|option)/,
            );
          }
          if (c.message) expect(result.error.message, `${name}: ${c.why}`).toBe(c.message);
          if (c.field)
            expect(
              result.error.issues?.map((i) => i.path),
              `${name}: ${c.why}`,
            ).toContain(c.field);
          expect(snapshot(), `${name}: ${c.why} changed data`).toEqual(before);
        }
      });
    });
  }

  it('rejects unknown procedure names', async () => {
    const result = await b.call('clients.drop', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_procedure', message: 'Keel has no procedure named “clients.drop”.' } });
    expect((await b.call('__proto__', {})).ok).toBe(false);
    expect((await b.call('constructor', {})).ok).toBe(false);
  });

  it('has bad-input cases for every procedure', () => {
    for (const name of procedureNames) expect(cases[name]?.length ?? 0, name).toBeGreaterThan(0);
  });

  it('declares each procedure’s cases once, in the area that owns the procedure', () => {
    const owners = new Map<string, string[]>();
    for (const area of AREAS) {
      for (const name of Object.keys(declared.get(area.area) ?? {})) {
        expect(procedureNames, `${area.area} declares cases for ${name}`).toContain(name);
        expect(area.prefixes, `${name} declared by ${area.area}`).toContain(name.split('.')[0]);
        owners.set(name, [...(owners.get(name) ?? []), area.area]);
      }
    }
    for (const [name, areas] of owners) expect(areas, name).toHaveLength(1);
  });
});
