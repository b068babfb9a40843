import { Badge, type StatusTone } from '@renderer/ui/Badge';
import { ROLE_LABELS, type Role } from '@shared/ownership/rules/vocabulary';
import { assetsWord, type HeldDuty } from './holdings';
import './slots.css';

const ROLE_TONE: Record<Role, StatusTone> = {
  accountable: 'attention',
  responsible: 'info',
  backup: 'info',
  consulted: 'neutral',
  informed: 'neutral',
};

/** The duties a person holds, one row per assignment, with the assets that inherit it from its model. */
export function DutiesTable({ duties, label }: { duties: readonly HeldDuty[]; label: string }) {
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
        {duties.map(({ holding: h, inheritedBy }) => (
          <tr key={`${h.assignmentId}:${h.targetKind}:${h.targetId}:${h.role}`}>
            <td>
              {h.targetName}
              {inheritedBy.length > 0 && (
                <div className="cell-sub own-duties__through" title={inheritedBy.join('\n')}>
                  and {assetsWord(inheritedBy.length)} through the model
                </div>
              )}
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
