import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useToasts } from '@renderer/app/stores';
import { weekdayDay } from '@renderer/components/dates';
import { saveBase64File } from '@renderer/components/download';
import { useConfirm } from '@renderer/ui/ConfirmDialog';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import type { CeremonySeries } from '@shared/ceremonies/contract/series';
import { CEREMONY_TYPE_LABELS } from '@shared/ceremonies/rules/vocabulary';
import { useRef, useState } from 'react';
import { useCeremonies } from './ceremoniesStore';
import { dateIn, minutesText, timeIn } from './labels';
import { EndForm, SeriesForm } from './SeriesForm';

/** The series of a client or an engagement: what repeats and how, who takes part, the next occurrence; plan, change, end, files. */
export function SeriesView() {
  const { clientId, engagementId, set } = useCeremonies();
  const list = useProcedure('ceremonies.list', engagementId ? { engagementId } : clientId ? { clientId } : {});
  const [editing, setEditing] = useState<CeremonySeries | 'new' | null>(null);
  const [ending, setEnding] = useState<CeremonySeries | null>(null);
  const remove = useCommand('ceremonies.remove');
  const exportIcs = useCommand('ceremonies.exportIcs');
  const importIcs = useCommand('ceremonies.importIcs');
  const toast = useToasts((s) => s.show);
  const ask = useConfirm();
  const file = useRef<HTMLInputElement>(null);
  const fail = (e: Error) => toast({ tone: 'error', message: e.message });
  const rows = list.data ?? [];
  return (
    <div className="cer-series">
      <div className="cer-series__bar">
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          Plan a ceremony
        </button>
        {engagementId ? (
          <>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                void exportIcs
                  .mutateAsync({ engagementId })
                  .then((f) => saveBase64File(f.fileName, f.base64))
                  .catch(fail)
              }
            >
              Download the engagement’s calendar (.ics)
            </button>
            <button type="button" className="button button--secondary" onClick={() => file.current?.click()}>
              Import a calendar file (.ics)…
            </button>
            <input
              ref={file}
              type="file"
              accept=".ics,text/calendar"
              hidden
              aria-label="Calendar file to import"
              onChange={async (e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                if (!chosen) return;
                const bytes = new Uint8Array(await chosen.arrayBuffer());
                let binary = '';
                for (const b of bytes) binary += String.fromCharCode(b);
                importIcs
                  .mutateAsync({ engagementId, fileName: chosen.name, base64: btoa(binary) })
                  .then((r) => toast({ tone: 'info', message: `${chosen.name}: ${r.created} series added, ${r.updated} updated.` }))
                  .catch(fail);
              }}
            />
          </>
        ) : (
          <span className="muted">Choose an engagement to download or import its calendar file.</span>
        )}
      </div>
      <WorkbookExport />
      {list.error && <p className="form__error">{list.error.message}</p>}
      {!list.data ? (
        <p className="list-status">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState title="No ceremony is planned here yet">
          Plan the reviews, windows and steering meetings the engagement runs on.
        </EmptyState>
      ) : (
        <table className="table cer-series__table">
          <thead>
            <tr>
              <th scope="col">Ceremony</th>
              <th scope="col">Engagement</th>
              <th scope="col">Repeats</th>
              <th scope="col">Next</th>
              <th scope="col" className="num">
                Recorded
              </th>
              <th scope="col">
                <span className="ui-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.title}</strong>
                  <br />
                  <span className="muted">
                    {CEREMONY_TYPE_LABELS[s.type]} · {minutesText(s.durationMinutes)} · {s.participants.length}{' '}
                    {s.participants.length === 1 ? 'person' : 'people'}
                  </span>
                </td>
                <td>{s.engagementName}</td>
                <td>
                  {s.ruleText}
                  <br />
                  <span className="muted">
                    {s.timeZone}
                    {s.exceptions.length > 0 ? ` · ${s.exceptions.length} changed` : ''}
                  </span>
                </td>
                <td>
                  {s.nextStartsAt ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() => set({ tab: 'calendar', view: 'week', day: s.nextStartsAt?.slice(0, 10) ?? '' })}
                    >
                      {weekdayDay(dateIn(s.nextStartsAt, s.timeZone))}, {timeIn(s.nextStartsAt, s.timeZone)}
                    </button>
                  ) : (
                    <span className="muted">Ended</span>
                  )}
                </td>
                <td className="num">{s.recorded}</td>
                <td className="nowrap">
                  <button type="button" className="button button--secondary button--small" onClick={() => setEditing(s)}>
                    Edit
                  </button>{' '}
                  {s.rrule !== null && s.nextStartsAt && (
                    <button type="button" className="button button--secondary button--small" onClick={() => setEnding(s)}>
                      End
                    </button>
                  )}{' '}
                  {s.recorded === 0 && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={async () => {
                        if (
                          await ask({
                            title: `Remove “${s.title}”?`,
                            message: 'Nothing was recorded on it; its occurrences leave the calendar.',
                            confirmLabel: 'Remove',
                            tone: 'danger',
                          })
                        )
                          remove.mutateAsync({ id: s.id }).catch(fail);
                      }}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <Drawer title={editing === 'new' ? 'Plan a ceremony' : `Edit ${editing.title}`} onClose={() => setEditing(null)}>
          <SeriesForm series={editing === 'new' ? null : editing} engagementId={engagementId} onDone={() => setEditing(null)} />
        </Drawer>
      )}
      {ending && (
        <Drawer title={`End ${ending.title}`} onClose={() => setEnding(null)}>
          <EndForm series={ending} onDone={() => setEnding(null)} />
        </Drawer>
      )}
    </div>
  );
}

/** A client's occurrences with their outcomes and decisions between two days, and its action items, as a workbook. */
function WorkbookExport() {
  const { clientId, engagementId } = useCeremonies();
  const today = useToday();
  const engagement = useProcedure('engagements.get', { id: engagementId }, engagementId !== '');
  const client = clientId || engagement.data?.clientId || '';
  const exportBook = useCommand('ceremonies.export');
  const toast = useToasts((s) => s.show);
  const [from, setFrom] = useState(() => new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10));
  const [to, setTo] = useState(today);
  if (!client) return <p className="muted">Choose a client or an engagement to export its ceremonies as a workbook.</p>;
  return (
    <form
      className="cer-export"
      onSubmit={(e) => {
        e.preventDefault();
        exportBook
          .mutateAsync({ clientId: client, from, to })
          .then((f) => saveBase64File(f.fileName, f.base64))
          .catch((error: Error) => toast({ tone: 'error', message: error.message }));
      }}
    >
      <label htmlFor="cer-export-from">Occurrences from</label>
      <input id="cer-export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <label htmlFor="cer-export-to">to</label>
      <input id="cer-export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      <button type="submit" className="button button--secondary" disabled={exportBook.isPending}>
        Export workbook
      </button>
    </form>
  );
}
