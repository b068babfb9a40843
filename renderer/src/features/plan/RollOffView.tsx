import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { ROLE_LABELS } from '@shared/clients/rules/reference';
import { SOURCING_REGION_LABELS } from '@shared/clients/rules/sourcingRegion';
import { addWeeks, format, parseISO } from 'date-fns';
import { usePlan } from './planStore';

const WEEK_CHOICES = [2, 4, 6, 8, 12, 26];

export function RollOffView() {
  const plan = usePlan();
  const go = useNav((s) => s.go);
  const radar = useProcedure('plan.rollOff', { weeks: plan.weeks });
  return (
    <>
      <div className="toolbar">
        <label className="toolbar__label" htmlFor="rolloff-weeks">
          Ending within
        </label>
        <select id="rolloff-weeks" className="toolbar__filter" value={plan.weeks} onChange={(e) => plan.setWeeks(Number(e.target.value))}>
          {WEEK_CHOICES.map((w) => (
            <option key={w} value={w}>
              {w} weeks
            </option>
          ))}
        </select>
      </div>
      {radar.error && <p className="list-status list-status--error">{radar.error.message}</p>}
      {radar.data && (
        <>
          <h2 className="section-title">Rolling off ({radar.data.rollOffs.length})</h2>
          <p className="section-lede">
            Confirmed allocations ending by {day(format(addWeeks(parseISO(radar.data.today), radar.data.weeks), 'yyyy-MM-dd'))} with no
            confirmed follow-on.
          </p>
          {radar.data.rollOffs.length === 0 ? (
            <p className="list-empty">Nobody rolls off in the next {radar.data.weeks} weeks.</p>
          ) : (
            <table className="table" aria-label="Rolling off">
              <thead>
                <tr>
                  <th>Specialist</th>
                  <th>Client — engagement</th>
                  <th>Ends</th>
                  <th className="num">Days left</th>
                  <th className="num">Load</th>
                  <th>Follow-on</th>
                </tr>
              </thead>
              <tbody>
                {radar.data.rollOffs.map((r) => (
                  <tr key={r.allocation.id} className="is-clickable" onClick={() => go({ area: 'allocations', recordId: r.allocation.id })}>
                    <td>
                      <button type="button" className="link" onClick={() => go({ area: 'allocations', recordId: r.allocation.id })}>
                        {r.specialist.fullName}
                      </button>
                      <div className="muted">{ROLE_LABELS[r.specialist.role]}</div>
                    </td>
                    <td>
                      {r.allocation.clientName} — {r.allocation.engagementName}
                    </td>
                    <td>{day(r.allocation.endDate)}</td>
                    <td className="num">
                      <Badge tone={r.daysLeft <= 14 ? 'attention' : 'info'}>{r.daysLeft}</Badge>
                    </td>
                    <td className="num">{r.allocation.loadPercent}%</td>
                    <td>
                      {r.tentativeFollowOn ? (
                        <span>
                          <Badge tone="attention">Tentative</Badge> {r.tentativeFollowOn.engagementName} from{' '}
                          {day(r.tentativeFollowOn.startDate)}
                        </span>
                      ) : (
                        <span className="muted">none planned</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 className="section-title">On the bench ({radar.data.bench.length})</h2>
          <p className="section-lede">Specialists with no allocation today, longest first.</p>
          {radar.data.bench.length === 0 ? (
            <p className="list-empty">Everyone is allocated today.</p>
          ) : (
            <table className="table" aria-label="On the bench">
              <thead>
                <tr>
                  <th>Specialist</th>
                  <th>Role</th>
                  <th>Region</th>
                  <th className="num">Days on bench</th>
                  <th>Last allocation ended</th>
                  <th>Next allocation</th>
                </tr>
              </thead>
              <tbody>
                {radar.data.bench.map((b) => (
                  <tr key={b.specialist.id} className="is-clickable" onClick={() => go({ area: 'specialists', recordId: b.specialist.id })}>
                    <td>
                      <button type="button" className="link" onClick={() => go({ area: 'specialists', recordId: b.specialist.id })}>
                        {b.specialist.fullName}
                      </button>
                    </td>
                    <td>{ROLE_LABELS[b.specialist.role]}</td>
                    <td>{SOURCING_REGION_LABELS[b.specialist.sourcingRegion]}</td>
                    <td className="num">
                      <Badge tone={b.daysOnBench > 30 ? 'attention' : 'info'}>{b.daysOnBench}</Badge>
                    </td>
                    <td>{b.lastEndDate ? day(b.lastEndDate) : <span className="muted">never allocated</span>}</td>
                    <td>
                      {b.next ? (
                        <span>
                          {b.next.status === 'tentative' && <Badge tone="attention">Tentative</Badge>} {b.next.engagementName} from{' '}
                          {day(b.next.startDate)}
                        </span>
                      ) : (
                        <span className="muted">none planned</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
