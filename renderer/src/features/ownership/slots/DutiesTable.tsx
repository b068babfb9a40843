import { Badge, type StatusTone } from '@renderer/ui/Badge';
import type { Holding } from '@shared/ownership/contract/matrix';
import { ROLE_LABELS, type Role } from '@shared/ownership/rules/vocabulary';
import './slots.css';

const ROLE_TONE: Record<Role, StatusTone> = {
  accountable: 'attention',
  responsible: 'info',
  backup: 'info',
  consulted: 'neutral',
  informed: 'neutral',
};

/** The duties a person holds, one row per asset-duty and role, as the backend listed them. */
export function DutiesTable({ holdings, label }: { holdings: readonly Holding[]; label: string }) {
  return (
    <table className="table table--compact own-duties" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Model or asset</th>
          <th scope="col">Duty</th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {holdings.map((h) => (
          <tr key={`${h.assignmentId}:${h.targetKind}:${h.targetId}:${h.role}`}>
            <td>
              {h.targetName}
              {h.inherited && <div className="cell-sub">through its model</div>}
            </td>
            <td>{h.dutyName}</td>
            <td>
              <Badge tone={ROLE_TONE[h.role]}>{ROLE_LABELS[h.role]}</Badge>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
