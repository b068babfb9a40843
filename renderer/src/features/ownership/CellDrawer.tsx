import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { Drawer } from '@renderer/ui/Drawer';
import { DateInput } from '@renderer/ui/fields';
import type { Assignment, AssignResult, OwnershipMatrix } from '@shared/ownership/contract/matrix';
import { ROLE_LABELS, SEVERITY_LABELS } from '@shared/ownership/rules/vocabulary';
import { useMemo, useState } from 'react';
import { AssignForm, AssignOutcome } from './AssignForm';
import { SEVERITY_TONE } from './labels';
import { cellId, holdersByRole, indexMatrix, personName, rowTypeLabel } from './matrixModel';
import type { CellRef } from './ownershipStore';
import { usePeopleOptions } from './people';

const roleRank = (a: Assignment) => ['accountable', 'responsible', 'consulted', 'informed', 'backup'].indexOf(a.role);

/**
 * One asset-duty of the matrix: who holds it on the as-of day (and where that comes from), its whole
 * effective-dated history with End and Remove, and the form that names someone.
 */
export function CellDrawer({ matrix, cell, onClose }: { matrix: OwnershipMatrix; cell: CellRef; onClose(): void }) {
  const index = useMemo(() => indexMatrix(matrix), [matrix]);
  const row = matrix.rows.find((r) => r.kind === cell.targetKind && r.id === cell.targetId);
  const duty = matrix.duties.find((d) => d.key === cell.dutyKey);
  const found = index.cells.get(cellId(cell.targetKind, cell.targetId, cell.dutyKey));
  const history = useProcedure('ownership.assignments', cell);
  const { names } = usePeopleOptions(matrix.engagementId, matrix.clientId);
  const [outcome, setOutcome] = useState<AssignResult | null>(null);
  const [formKey, setFormKey] = useState(0);
  const toast = useToasts((s) => s.show);
  const nameOf = (key: string) => (index.people.has(key) ? personName(key, index.people) : (names.get(key) ?? 'someone no longer listed'));
  const title = row && duty ? `${duty.name} · ${row.name}` : 'Ownership cell';
  const model = row?.kind === 'asset' && row.modelId ? index.modelNames.get(row.modelId) : undefined;

  return (
    <Drawer title={title} onClose={onClose}>
      {!row || !duty ? (
        <p className="notice">This cell is not in the matrix as it is filtered now. Clear the filters to see it.</p>
      ) : (
        <>
          <p className="drawer__sub">
            {rowTypeLabel(row)}
            {model ? ` of ${model}` : ''} · {matrix.engagementName} · as of {day(matrix.asOf)}{' '}
            {found?.severity && <Badge tone={SEVERITY_TONE[found.severity]}>{SEVERITY_LABELS[found.severity]}</Badge>}
          </p>
          {found && !found.applicable ? (
            <p className="notice">
              {duty.name} does not apply to {rowTypeLabel(row).toLowerCase()}s on this engagement. Change it under Duties &amp; settings.
            </p>
          ) : null}

          <section className="own-section" aria-label={`Holders on ${day(matrix.asOf)}`}>
            <h3>On {day(matrix.asOf)}</h3>
            {found?.inherited && (
              <p className="muted own-inherited-note">
                Inherited from {model ?? 'its model'}: these are the model’s assignments. Assign here to override them for this asset only.
              </p>
            )}
            {found && found.holders.length > 0 ? (
              <ul className="own-holders">
                {holdersByRole(found.holders).flatMap(([role, list]) =>
                  list.map((h) => {
                    const person = index.people.get(h.personKey);
                    return (
                      <li key={h.assignmentId} className={found.inherited ? 'is-inherited' : undefined}>
                        <span className={`own-role-label own-role--${role}`}>{ROLE_LABELS[role]}</span>
                        <span>
                          <strong>{nameOf(h.personKey)}</strong>
                          {person?.title ? <span className="muted">, {person.title}</span> : null}
                          <span className="muted own-dates">
                            {' '}
                            from {day(h.fromDate)}
                            {h.toDate ? ` to ${day(h.toDate)}` : ''}
                          </span>
                        </span>
                      </li>
                    );
                  }),
                )}
              </ul>
            ) : (
              <p className="muted">Nobody is named on this duty that day.</p>
            )}
          </section>

          <section className="own-section" aria-label="Assign someone">
            <h3>Assign someone{row.kind === 'asset' ? ' to this asset' : ' to the model and its assets'}</h3>
            {outcome && <AssignOutcome result={outcome} what="Assigned" />}
            <AssignForm
              key={formKey}
              engagementId={matrix.engagementId}
              clientId={matrix.clientId}
              target={cell}
              startRole=""
              fromDate={matrix.asOf}
              onAssigned={(result) => {
                setOutcome(result);
                setFormKey((k) => k + 1);
                toast({ tone: 'info', message: result.warnings.length > 0 ? 'Assigned, with warnings.' : 'Assigned.' });
              }}
              onCancel={onClose}
            />
          </section>

          <section className="own-section" aria-label="History">
            <h3>History</h3>
            {history.error && <p className="notice">{history.error.message}</p>}
            {history.isLoading && <p className="muted">Loading…</p>}
            {history.data && history.data.length === 0 && (
              <p className="muted">
                {row.kind === 'asset' ? 'No assignment of its own: it follows its model.' : 'Nobody was ever named on this duty.'}
              </p>
            )}
            {history.data && history.data.length > 0 && (
              <ul className="own-history">
                {[...history.data]
                  .sort((a, b) => b.fromDate.localeCompare(a.fromDate) || roleRank(a) - roleRank(b))
                  .map((a) => (
                    <HistoryItem key={a.id} assignment={a} name={nameOf(`${a.personKind}:${a.personId}`)} asOf={matrix.asOf} />
                  ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Drawer>
  );
}

function HistoryItem({ assignment: a, name, asOf }: { assignment: Assignment; name: string; asOf: string }) {
  const end = useCommand('ownership.endAssignment');
  const remove = useCommand('ownership.removeAssignment');
  const toast = useToasts((s) => s.show);
  const [ending, setEnding] = useState(false);
  const [endOn, setEndOn] = useState(a.toDate ?? asOf);
  const [problem, setProblem] = useState<string | null>(null);
  const what = `${name} as ${ROLE_LABELS[a.role]}`;
  const fail = (error: unknown) => setProblem(error instanceof CallError || error instanceof Error ? error.message : String(error));
  return (
    <li>
      <div className="own-history__line">
        <span className={`own-role-label own-role--${a.role}`}>{ROLE_LABELS[a.role]}</span>
        <span>
          <strong>{name}</strong>
          <span className="muted own-dates">
            {' '}
            {day(a.fromDate)} – {a.toDate ? day(a.toDate) : 'open-ended'}
          </span>
        </span>
        <span className="own-history__actions">
          <button type="button" className="button button--small" onClick={() => setEnding((v) => !v)} aria-expanded={ending}>
            End…
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={async () => {
              const yes = await askConfirm({
                title: `Remove ${what}?`,
                message:
                  'Only for an assignment recorded by mistake: it leaves the history (the audit log keeps it). To record that someone stopped, end it instead.',
                confirmLabel: 'Remove assignment',
                tone: 'danger',
              });
              if (!yes) return;
              try {
                setProblem(null);
                await remove.mutateAsync({ id: a.id });
                toast({ tone: 'info', message: `Removed ${what}.` });
              } catch (error) {
                fail(error);
              }
            }}
          >
            Remove
          </button>
        </span>
      </div>
      {a.note && <p className="muted own-history__note">{a.note}</p>}
      {ending && (
        <div className="own-history__end">
          <DateInput label={`Last day of ${what}`} value={endOn} onChange={setEndOn} />
          <button
            type="button"
            className="button button--small button--primary"
            disabled={end.isPending}
            onClick={async () => {
              try {
                setProblem(null);
                await end.mutateAsync({ id: a.id, toDate: endOn });
                setEnding(false);
                toast({ tone: 'info', message: `${what} ends on ${day(endOn)}.` });
              } catch (error) {
                fail(error);
              }
            }}
          >
            End on this day
          </button>
        </div>
      )}
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
