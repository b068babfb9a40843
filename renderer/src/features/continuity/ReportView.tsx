import { unwrap, useKeel, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { businessDays, day, weekdayDay } from '@renderer/components/dates';
import { saveBase64File } from '@renderer/components/download';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { SegmentedControl } from '@renderer/ui/SegmentedControl';
import type { SlaReport, SlaReportRow } from '@shared/continuity/contract';
import { REPLACEMENT_REASON_LABELS } from '@shared/continuity/rules/replacement';
import { useState } from 'react';
import { ClientFilter } from './ClientFilter';
import { currentQuarter, useContinuity } from './continuityStore';
import { RequestTable } from './RequestsView';

/** Years offered: five back and the next, plus the one shown. */
function yearOptions(shown: number): number[] {
  const now = currentQuarter().year;
  const years = new Set<number>([shown, now + 1]);
  for (let y = now; y >= now - 5; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** The quarter's SLA report per client, the breaches with their reasons, every request, and the Excel export. */
export function ReportView() {
  const { year, quarter, clientId, setQuarter } = useContinuity();
  const input = { year, quarter, ...(clientId ? { clientId } : {}) };
  const report = useProcedure('continuity.report', input);
  return (
    <section aria-label="SLA report">
      <div className="toolbar">
        <label className="toolbar__label" htmlFor="report-year">
          Year
        </label>
        <select id="report-year" value={year} onChange={(e) => setQuarter(Number(e.target.value), quarter)}>
          {yearOptions(year).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <SegmentedControl
          label="Quarter"
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
          value={quarter}
          onChange={(q) => setQuarter(year, q)}
        />
        <ClientFilter />
        <span className="toolbar__spacer" />
        <ExportButton input={input} disabled={!report.data || report.data.requests.length === 0} />
      </div>
      {report.error && <p className="list-status list-status--error">{report.error.message}</p>}
      {report.isLoading && <p className="list-status">Loading…</p>}
      {report.data && <Report report={report.data} />}
    </section>
  );
}

function Report({ report }: { report: SlaReport }) {
  const period = `Q${report.quarter} ${report.year} (${day(report.from)} – ${day(report.to)})`;
  if (report.requests.length === 0) {
    return <p className="list-empty">No replacement request was submitted in {period}.</p>;
  }
  return (
    <>
      <p className="list-status">
        Requests submitted in {period}, by the submission date in the client’s time zone · met % is met over decided (met + breached) · a
        request open or withdrawn past its due date counts as breached too, so the columns may overlap · states as of {day(report.today)}
      </p>
      <DataTable
        label="SLA by client"
        className="sla-table"
        frame="half"
        columns={SLA_COLUMNS}
        rows={report.clients}
        rowKey={(row) => row.clientId}
        footerRow={report.total}
      />
      <p className="list-status">Days to fulfil: business days from the submission to the replacement’s start, over fulfilled requests.</p>

      <h2 className="section-title">Breaches</h2>
      {report.breaches.length === 0 ? <p className="section-lede">No breach in this quarter.</p> : <Breaches breaches={report.breaches} />}

      <h2 className="section-title">Requests</h2>
      <p className="section-lede">Every request submitted in the quarter; open one to see its clock, pauses and candidates.</p>
      <RequestTable rows={report.requests} label="Requests of the quarter" />
    </>
  );
}

const figure = (value: number | null, show: (v: number) => string) => (value === null ? '—' : show(value));

const SLA_COLUMNS: DataColumn<SlaReportRow>[] = [
  { id: 'client', header: 'Client', cell: (row) => row.clientName },
  { id: 'requests', header: 'Requests', width: 95, numeric: true, cell: (row) => String(row.requests) },
  { id: 'met', header: 'Met', width: 70, numeric: true, cell: (row) => String(row.met) },
  {
    id: 'breached',
    header: 'Breached',
    width: 95,
    numeric: true,
    title: (row) => String(row.breached),
    cell: (row) => <span className={row.breached > 0 ? 'is-bad' : undefined}>{row.breached}</span>,
  },
  { id: 'open', header: 'Open', width: 70, numeric: true, cell: (row) => String(row.open) },
  { id: 'cancelled', header: 'Cancelled', width: 95, numeric: true, cell: (row) => String(row.cancelled) },
  { id: 'metPercent', header: 'Met %', width: 80, numeric: true, cell: (row) => figure(row.metPercent, (v) => `${v}%`) },
  { id: 'median', header: 'Median to fulfil', width: 135, numeric: true, cell: (row) => figure(row.medianDaysToFulfil, businessDays) },
  { id: 'worst', header: 'Worst to fulfil', width: 130, numeric: true, cell: (row) => figure(row.worstDaysToFulfil, businessDays) },
];

type BreachItem = SlaReport['breaches'][number];

/** The quarter's breaches: which request, what happened, and the reason on record. */
function Breaches({ breaches }: { breaches: readonly BreachItem[] }) {
  const go = useNav((s) => s.go);
  const open = (r: BreachItem) => go({ area: 'replacements', recordId: r.id });
  const columns: DataColumn<BreachItem>[] = [
    {
      id: 'request',
      header: 'Request',
      wrap: true,
      cell: (r) => (
        <>
          <button
            type="button"
            className="link"
            onClick={(e) => {
              e.stopPropagation();
              open(r);
            }}
          >
            Replace {r.outgoingSpecialistName}
          </button>
          <div className="muted">
            {r.clientName} — {r.engagementName} · {REPLACEMENT_REASON_LABELS[r.reason]}
          </div>
        </>
      ),
    },
    { id: 'facts', header: 'What happened', wrap: true, cell: (r) => breachFacts(r) },
    {
      id: 'reason',
      header: 'Why',
      wrap: true,
      className: 'breach__reason',
      cell: (r) =>
        r.status === 'cancelled' ? (
          <>Withdrawn because: {r.cancelReason}</>
        ) : r.lateReason ? (
          <>Why: {r.lateReason}</>
        ) : (
          <span className="muted">{r.status === 'open' ? 'Not fulfilled yet.' : 'No reason on record.'}</span>
        ),
    },
  ];
  return (
    <DataTable
      label="Breaches"
      className="breaches"
      frame="half"
      columns={columns}
      rows={breaches}
      rowKey={(r) => r.id}
      onOpen={open}
      rowClassName={() => 'breach'}
      rowHeight={72}
    />
  );
}

function breachFacts(r: BreachItem): string {
  const outcome =
    r.status === 'open'
      ? `still open: ${businessDays(r.clock.late)} late`
      : r.status === 'cancelled'
        ? `withdrawn ${day(r.cancelledOn ?? r.clock.dueDate)}, ${businessDays(r.clock.late)} after the due date`
        : `replacement started ${day(r.replacementStartDate ?? r.clock.dueDate)}: ${businessDays(r.clock.late)} late`;
  const paused = r.clock.pausedDays > 0 ? ` · ${businessDays(r.clock.pausedDays)} paused` : '';
  return `Submitted ${day(r.submittedOn)}, due ${weekdayDay(r.clock.dueDate)}, ${outcome}${paused}`;
}

function ExportButton({ input, disabled }: { input: { year: number; quarter: number; clientId?: string }; disabled: boolean }) {
  const client = useKeel();
  const toast = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const file = await unwrap(client, 'continuity.export', input);
      saveBase64File(file.fileName, file.base64);
      toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KiB).` });
    } catch (error) {
      toast({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" disabled={busy || disabled} onClick={() => void run()}>
      {busy ? 'Exporting…' : 'Export to Excel'}
    </button>
  );
}
