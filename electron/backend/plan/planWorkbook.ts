import { addTable, DATE_FORMAT, excel, excelDate, NUMBER_FORMAT, PERCENT_FORMAT, workbookBuffer } from '@backend/core/excel';
import { ROLE_LABELS } from '@shared/clients/rules/reference';
import { SOURCING_REGION_LABELS } from '@shared/clients/rules/sourcingRegion';
import { dateLabel } from '@shared/kernel/dates';
import { ABSENCE_KIND_LABELS, type AbsenceKind } from '@shared/plan/contract/allocations';
import type { CapacityForecast, RollOffRadar, TimelineView } from '@shared/plan/contract/plan';
import { ALLOCATION_STATUS_LABELS } from '@shared/plan/rules/allocations';

/**
 * The plan for finance and managers: one sheet per view. Dates are real
 * Excel dates, loads and utilisation are numbers formatted as percentages,
 * every sheet has a frozen header and a filter.
 */
export async function planWorkbook(
  views: { timeline: TimelineView; radar: RollOffRadar; forecast: CapacityForecast },
  generatedAt: Date,
): Promise<Buffer> {
  const { timeline, radar, forecast } = views;
  const workbook = new (excel().Workbook)();
  workbook.creator = 'Keel';
  workbook.created = generatedAt;

  const periodColumns = timeline.periods.map((p, i) => ({ header: p.start, key: `p${i}`, width: 11, numFmt: PERCENT_FORMAT }));
  const utilisation = addTable(
    workbook,
    'Timeline',
    [
      { header: 'Specialist', key: 'name', width: 26 },
      { header: 'Role', key: 'role', width: 24 },
      { header: 'Region', key: 'region', width: 16 },
      ...periodColumns,
    ],
    timeline.rows.map((r) => {
      const row: Record<string, unknown> = {
        name: r.fullName,
        role: ROLE_LABELS[r.role],
        region: SOURCING_REGION_LABELS[r.sourcingRegion],
      };
      r.utilisation.forEach((u, i) => {
        row[`p${i}`] = u === null ? null : u / 100;
      });
      return row;
    }),
    1,
  );
  // Period headers are real dates too (the start of each week or month).
  timeline.periods.forEach((p, i) => {
    const cell = utilisation.getRow(1).getCell(4 + i);
    cell.value = excelDate(p.start);
    cell.numFmt = DATE_FORMAT;
  });

  addTable(
    workbook,
    'Allocations',
    [
      { header: 'Specialist', key: 'name', width: 26 },
      { header: 'Client', key: 'client', width: 28 },
      { header: 'Engagement', key: 'engagement', width: 32 },
      { header: 'Status', key: 'status', width: 12 },
      { header: 'Start', key: 'start', width: 12, numFmt: DATE_FORMAT },
      { header: 'End', key: 'end', width: 12, numFmt: DATE_FORMAT },
      { header: 'Load', key: 'load', width: 8, numFmt: PERCENT_FORMAT },
    ],
    timeline.rows.flatMap((r) =>
      r.allocations.map((a) => ({
        name: r.fullName,
        client: a.clientName,
        engagement: a.engagementName,
        status: ALLOCATION_STATUS_LABELS[a.status],
        start: excelDate(a.startDate),
        end: excelDate(a.endDate),
        load: a.loadPercent / 100,
      })),
    ),
    1,
  );

  addTable(
    workbook,
    'Absences',
    [
      { header: 'Specialist', key: 'name', width: 26 },
      { header: 'Kind', key: 'kind', width: 16 },
      { header: 'Start', key: 'start', width: 12, numFmt: DATE_FORMAT },
      { header: 'End', key: 'end', width: 12, numFmt: DATE_FORMAT },
    ],
    timeline.rows.flatMap((r) =>
      r.absences.map((a) => ({
        name: r.fullName,
        kind: ABSENCE_KIND_LABELS[a.kind as AbsenceKind] ?? a.kind,
        start: excelDate(a.startDate),
        end: excelDate(a.endDate),
      })),
    ),
    1,
  );

  addTable(
    workbook,
    'Open requests',
    [
      { header: 'Role title', key: 'title', width: 30 },
      { header: 'Role', key: 'role', width: 24 },
      { header: 'Client', key: 'client', width: 28 },
      { header: 'Engagement', key: 'engagement', width: 32 },
      { header: 'Start', key: 'start', width: 12, numFmt: DATE_FORMAT },
      { header: 'Load', key: 'load', width: 8, numFmt: PERCENT_FORMAT },
      { header: 'Target date', key: 'target', width: 12, numFmt: DATE_FORMAT },
      { header: 'Business days open', key: 'days', width: 20 },
      { header: 'Business days allowed', key: 'allowed', width: 23 },
      { header: 'Overdue', key: 'overdue', width: 9 },
    ],
    timeline.placeholders.map((p) => ({
      title: p.title,
      role: ROLE_LABELS[p.role],
      client: p.clientName,
      engagement: p.engagementName,
      start: excelDate(p.startDate),
      load: p.loadPercent / 100,
      target: excelDate(p.clock.targetDate),
      days: p.clock.daysOpen,
      allowed: p.clock.allowance,
      overdue: p.clock.overdue ? 'yes' : 'no',
    })),
    1,
  );

  addTable(
    workbook,
    'Roll-off radar',
    [
      { header: 'Specialist', key: 'name', width: 26 },
      { header: 'Client', key: 'client', width: 28 },
      { header: 'Engagement', key: 'engagement', width: 32 },
      { header: 'Ends', key: 'end', width: 12, numFmt: DATE_FORMAT },
      { header: 'Days left', key: 'days', width: 10 },
      { header: 'Load', key: 'load', width: 8, numFmt: PERCENT_FORMAT },
      { header: 'Load that continues', key: 'continues', width: 12, numFmt: PERCENT_FORMAT },
      { header: 'Tentative follow-on', key: 'followOn', width: 32 },
    ],
    radar.rollOffs.map((r) => ({
      name: r.specialist.fullName,
      client: r.allocation.clientName,
      engagement: r.allocation.engagementName,
      end: excelDate(r.allocation.endDate),
      days: r.daysLeft,
      load: r.allocation.loadPercent / 100,
      continues: r.continuingLoad / 100,
      followOn: r.tentativeFollowOn ? `${r.tentativeFollowOn.engagementName} from ${dateLabel(r.tentativeFollowOn.startDate)}` : '',
    })),
    1,
  );

  addTable(
    workbook,
    'Bench',
    [
      { header: 'Specialist', key: 'name', width: 26 },
      { header: 'Role', key: 'role', width: 24 },
      { header: 'Region', key: 'region', width: 16 },
      { header: 'Days on bench', key: 'days', width: 14 },
      { header: 'Last allocation ended', key: 'last', width: 20, numFmt: DATE_FORMAT },
      { header: 'Next allocation starts', key: 'next', width: 20, numFmt: DATE_FORMAT },
    ],
    radar.bench.map((b) => ({
      name: b.specialist.fullName,
      role: ROLE_LABELS[b.specialist.role],
      region: SOURCING_REGION_LABELS[b.specialist.sourcingRegion],
      days: b.daysOnBench,
      last: b.lastEndDate ? excelDate(b.lastEndDate) : null,
      next: b.next ? excelDate(b.next.startDate) : null,
    })),
    1,
  );

  addTable(
    workbook,
    'Capacity forecast',
    [
      { header: 'Month', key: 'month', width: 12, numFmt: 'mmm yyyy' },
      { header: 'Role', key: 'role', width: 26 },
      { header: 'Supply FTE', key: 'supply', width: 12, numFmt: NUMBER_FORMAT },
      { header: 'Confirmed FTE', key: 'confirmed', width: 14, numFmt: NUMBER_FORMAT },
      { header: 'Tentative FTE', key: 'tentative', width: 14, numFmt: NUMBER_FORMAT },
      { header: 'Open requests FTE', key: 'open', width: 17, numFmt: NUMBER_FORMAT },
      { header: 'Demand FTE', key: 'demand', width: 12, numFmt: NUMBER_FORMAT },
      { header: 'Gap FTE', key: 'gap', width: 10, numFmt: NUMBER_FORMAT },
    ],
    forecast.rows.map((r) => ({
      month: excelDate(r.month),
      role: ROLE_LABELS[r.role],
      supply: r.supply,
      confirmed: r.confirmed,
      tentative: r.tentative,
      open: r.openRequests,
      demand: r.demand,
      gap: r.gap,
    })),
    2,
  );

  return workbookBuffer(workbook);
}
