import { SAMPLE_SPECIALISTS } from '@backend/clients/sampleData';
import { publicHolidays } from '@backend/core/calendars';
import type { Audit, Context } from '@backend/core/context';
import { SAMPLE_ABSENCES } from '@backend/plan/samplePlan';
import { addDays, isWeekend, toDay, weekday } from '@shared/kernel/days';
import { createRate, setBillingTerms } from './billingTermsService';
import { approveMonth, issueInvoice } from './monthCloseService';
import {
  SAMPLE_CLOSES,
  SAMPLE_GAPS,
  SAMPLE_HOURS_FROM,
  SAMPLE_HOURS_TO,
  SAMPLE_LONG_DAY,
  SAMPLE_TERMS,
  sampleDay,
  sampleRates,
} from './sampleHours';
import { writeCell } from './timesheetService';

/**
 * Sample rates, terms and hours, written through the ordinary services so
 * every rule (24 h a day, engagement dates, locks) and the audit apply.
 * Runs inside the sample loader's transaction.
 */
export function loadSampleHours(
  ctx: Context,
  engagementIds: Map<string, string>,
  specialistIds: Map<string, string>,
  audit: Audit,
): { timeEntries: number; invoices: number } {
  const id = (ids: Map<string, string>, name: string) => {
    const found = ids.get(name);
    if (!found) throw new Error(`The sample hours name “${name}”, which the sample data does not define.`);
    return found;
  };
  for (const terms of SAMPLE_TERMS) {
    const engagementId = id(engagementIds, terms.engagement);
    setBillingTerms(ctx, {
      engagementId,
      roundingMinutes: terms.roundingMinutes,
      monthlyCapMinutes: terms.monthlyCapHours === null ? null : terms.monthlyCapHours * 60,
    });
    for (const rate of sampleRates(terms)) createRate(ctx, { engagementId, specialistId: null, ...rate });
    for (const o of terms.overrides ?? []) {
      createRate(ctx, {
        engagementId,
        role: null,
        specialistId: id(specialistIds, o.specialist),
        effectiveFrom: o.from,
        hourlyRateMinor: o.hourlyRate * terms.scale,
      });
    }
  }

  const at = ctx.now();
  let entries = 0;
  const gaps = new Set(SAMPLE_GAPS.map((g) => `${g.specialist}|${g.date}`));
  const names = new Map([...specialistIds].map(([name, specialistId]) => [specialistId, name]));
  const engagementNames = new Map([...engagementIds].map(([name, engagementId]) => [engagementId, name]));
  // Every confirmed allocation, including those that filled a staffing request.
  for (const live of ctx.repos.allocations.live()) {
    if (live.status !== 'confirmed') continue;
    const person = SAMPLE_SPECIALISTS.find((s) => s.fullName === names.get(live.specialistId));
    const engagement = engagementNames.get(live.engagementId);
    if (!person || !engagement) continue;
    const allocation = { ...live, engagement };
    const from = allocation.startDate > SAMPLE_HOURS_FROM ? allocation.startDate : SAMPLE_HOURS_FROM;
    const to = allocation.endDate < SAMPLE_HOURS_TO ? allocation.endDate : SAMPLE_HOURS_TO;
    const absences = SAMPLE_ABSENCES.filter((a) => a.specialist === person.fullName);
    let index = 0;
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const day = toDay(date);
      const holidays = publicHolidays(person.homeCountry, person.homeSubdivision, Number(date.slice(0, 4)));
      if (isWeekend(day) || holidays.has(day) || gaps.has(`${person.fullName}|${date}`)) continue;
      if (absences.some((a) => a.startDate <= date && a.endDate >= date)) continue;
      const minutes = Math.round((480 * allocation.loadPercent) / 100);
      for (const part of sampleDay(index++, weekday(day), minutes)) {
        writeCell(
          ctx,
          {
            specialistId: id(specialistIds, person.fullName),
            engagementId: id(engagementIds, allocation.engagement),
            date,
            ...part,
          },
          audit,
          at,
        );
        entries++;
      }
      if (person.fullName === SAMPLE_LONG_DAY.specialist && date === SAMPLE_LONG_DAY.date) {
        const specialistId = id(specialistIds, person.fullName);
        const engagementId = id(engagementIds, allocation.engagement);
        const already = ctx.repos.timeEntries
          .cell(specialistId, engagementId, 'incident_response', date)
          .reduce((n, e) => n + e.minutes, 0);
        writeCell(
          ctx,
          {
            specialistId,
            engagementId,
            date,
            activity: 'incident_response',
            minutes: already + SAMPLE_LONG_DAY.extraMinutes,
            note: 'Scoring latency incident: rollback to the previous model version',
          },
          audit,
          at,
        );
        entries++;
      }
    }
  }

  let invoices = 0;
  for (const close of SAMPLE_CLOSES) {
    const engagementId = id(engagementIds, close.engagement);
    approveMonth(ctx, engagementId, close.month);
    if (close.invoice) {
      issueInvoice(ctx, engagementId, close.month);
      invoices++;
    }
  }
  return { timeEntries: entries, invoices };
}
