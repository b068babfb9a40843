import { unwrap, useKeel, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { businessDays, day, weekdayDay } from '@renderer/components/dates';
import { saveBase64File } from '@renderer/components/download';
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
      <table className="table sla-table">
        <thead>
          <tr>
            <th>Client</th>
            <th className="num">Requests</th>
            <th className="num">Met</th>
            <th className="num">Breached</th>
            <th className="num">Open</th>
            <th className="num">Cancelled</th>
            <th className="num">Met %</th>
            <th className="num">Median to fulfil</th>
            <th className="num">Worst to fulfil</th>
          </tr>
        </thead>
        <tbody>
          {report.clients.map((row) => (
            <SlaRow key={row.clientId} row={row} />
          ))}
        </tbody>
        <tfoot>
          <SlaRow row={report.total} total />
        </tfoot>
      </table>
      <p className="list-status">Days to fulfil: business days from the submission to the replacement’s start, over fulfilled requests.</p>

      <h2 className="section-title">Breaches</h2>
      {report.breaches.length === 0 ? (
        <p className="section-lede">No breach in this quarter.</p>
      ) : (
        <ul className="breaches">
          {report.breaches.map((b) => (
            <Breach key={b.id} request={b} />
          ))}
        </ul>
      )}

      <h2 className="section-title">Requests</h2>
      <p className="section-lede">Every request submitted in the quarter; open one to see its clock, pauses and candidates.</p>
      <RequestTable rows={report.requests} />
    </>
  );
}

function SlaRow({ row, total = false }: { row: SlaReportRow; total?: boolean }) {
  const Cell = total ? 'th' : 'td';
  return (
    <tr className={total ? 'sla-table__total' : undefined}>
      <Cell scope={total ? 'row' : undefined}>{total ? 'All clients' : row.clientName}</Cell>
      <td className="num">{row.requests}</td>
      <td className="num">{row.met}</td>
      <td className={`num${row.breached > 0 ? ' is-bad' : ''}`}>{row.breached}</td>
      <td className="num">{row.open}</td>
      <td className="num">{row.cancelled}</td>
      <td className="num">{row.metPercent === null ? '—' : `${row.metPercent}%`}</td>
      <td className="num">{row.medianDaysToFulfil === null ? '—' : businessDays(row.medianDaysToFulfil)}</td>
      <td className="num">{row.worstDaysToFulfil === null ? '—' : businessDays(row.worstDaysToFulfil)}</td>
    </tr>
  );
}

function Breach({ request: r }: { request: SlaReport['breaches'][number] }) {
  const go = useNav((s) => s.go);
  const open = r.status === 'open';
  return (
    <li className="breach">
      <div className="breach__head">
        <button type="button" className="link" onClick={() => go({ area: 'replacements', recordId: r.id })}>
          Replace {r.outgoingSpecialistName}
        </button>
        <span className="muted">
          {' '}
          · {r.clientName} — {r.engagementName} · {REPLACEMENT_REASON_LABELS[r.reason]}
        </span>
      </div>
      <div className="breach__facts">
        Submitted {day(r.submittedOn)}, due {weekdayDay(r.clock.dueDate)},{' '}
        {open
          ? `still open: ${businessDays(r.clock.late)} late`
          : r.status === 'cancelled'
            ? `withdrawn ${day(r.cancelledOn ?? r.clock.dueDate)}, ${businessDays(r.clock.late)} after the due date`
            : `replacement started ${day(r.replacementStartDate ?? r.clock.dueDate)}: ${businessDays(r.clock.late)} late`}
        {r.clock.pausedDays > 0 && ` · ${businessDays(r.clock.pausedDays)} paused`}
      </div>
      <div className="breach__reason">
        {r.status === 'cancelled' ? (
          <>Withdrawn because: {r.cancelReason}</>
        ) : r.lateReason ? (
          <>Why: {r.lateReason}</>
        ) : (
          <span className="muted">{open ? 'Not fulfilled yet.' : 'No reason on record.'}</span>
        )}
      </div>
    </li>
  );
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
