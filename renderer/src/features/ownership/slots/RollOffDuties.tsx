import { useProcedure } from '@renderer/api/queries';
import type { Slots } from '@renderer/app/slots';
import { Badge } from '@renderer/ui/Badge';
import { countDuties, dutiesOn, dutiesSummary, dutiesTitle } from './holdings';
import './slots.css';

/**
 * A roll-off radar row's duties at stake: what the specialist still holds on the engagement on the
 * allocation's last day. One query per specialist and day: the radar's rows are few, only the rows
 * on screen are rendered (the table is virtualised), and equal questions share one answer.
 */
export function RollOffDuties({ specialistId, engagementId, endDate }: Slots['rollOff.duties']) {
  const load = useProcedure('ownership.personLoad', { person: { kind: 'specialist', id: specialistId }, asOf: endDate });
  if (load.error)
    return (
      <span className="muted" title={load.error.message}>
        —
      </span>
    );
  if (!load.data) return <span className="muted">…</span>;
  const held = dutiesOn(load.data, engagementId);
  const counts = countDuties(held);
  const title = dutiesTitle(load.data.person.name, endDate, held);
  if (counts.total === 0) {
    return (
      <span className="muted" title={title}>
        none
      </span>
    );
  }
  return (
    <span className="own-rolloff" title={title}>
      <Badge tone={counts.accountable > 0 ? 'attention' : 'info'}>{dutiesSummary(counts)}</Badge>
    </span>
  );
}
