import { Badge } from '@renderer/ui/Badge';
import { utcInstant } from '@renderer/ui/fields/InstantField';
import type { Incident } from '@shared/operations/contract/incidents';
import { durationWords } from '@shared/operations/rules/incidents';
import { INCIDENT_STATE_LABELS, SEVERITY_SHORT } from '@shared/operations/rules/vocabulary';
import { REVIEW_LABEL, REVIEW_TONE, SEVERITY_TONE, STATE_TONE } from './labels';

/** An incident as a row of a table: severity, what and where, responder, state, the clock and the review. */
export function IncidentRow({
  incident: i,
  onOpen,
  showClient = false,
}: {
  incident: Incident;
  onOpen(id: string): void;
  showClient?: boolean;
}) {
  return (
    <tr>
      <td>
        <Badge tone={SEVERITY_TONE[i.severity]} strong>
          {SEVERITY_SHORT[i.severity]}
        </Badge>
      </td>
      <td>
        <button type="button" className="link" onClick={() => onOpen(i.id)}>
          {i.title}
        </button>
        <div className="muted">
          {i.modelName}
          {showClient && ` · ${i.clientName}`}
        </div>
      </td>
      <td>{i.responder ? i.responder.name : <Badge tone="critical">Nobody</Badge>}</td>
      <td>
        <Badge tone={STATE_TONE[i.state]}>{INCIDENT_STATE_LABELS[i.state]}</Badge>
        {i.review && i.review.state !== 'not_due' && (
          <>
            {' '}
            <Badge tone={REVIEW_TONE[i.review.state]}>{REVIEW_LABEL[i.review.state]}</Badge>
          </>
        )}
      </td>
      <td>{utcInstant(i.detectedAt)}</td>
      <td className="num">{i.state === 'resolved' ? durationWords(i.times.toResolve) : `${durationWords(i.times.open)} open`}</td>
    </tr>
  );
}

export function IncidentTable({
  incidents,
  onOpen,
  label,
  showClient = false,
}: {
  incidents: Incident[];
  onOpen(id: string): void;
  label: string;
  showClient?: boolean;
}) {
  return (
    <table className="table ops-incidents" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Incident</th>
          <th scope="col">Responder</th>
          <th scope="col">State</th>
          <th scope="col">Detected</th>
          <th scope="col" className="num">
            Clock
          </th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((i) => (
          <IncidentRow key={i.id} incident={i} onOpen={onOpen} showClient={showClient} />
        ))}
      </tbody>
    </table>
  );
}
