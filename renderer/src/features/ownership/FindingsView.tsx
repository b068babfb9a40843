import { useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { ListStatus } from '@renderer/components/list';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import { Toolbar, ToolbarFilter } from '@renderer/ui/Toolbar';
import { addDays } from '@shared/kernel/days';
import type { Severity } from '@shared/kernel/severity';
import type { AssignResult, OwnershipFindingItem } from '@shared/ownership/contract/matrix';
import { FINDING_CODES, FINDING_LABELS, type FindingCode, SEVERITY_LABELS, SEVERITY_ORDER } from '@shared/ownership/rules/vocabulary';
import { useState } from 'react';
import { AssignForm, AssignOutcome } from './AssignForm';
import { AsOfInput, useAsOf } from './controls';
import { FIX_ROLE, SEVERITY_TONE } from './labels';
import { useOwnership } from './ownershipStore';
import { useEngagements } from './people';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A finding that names an asset-duty can be fixed where it is read: Assign… opens the form, prefilled. */
export const canFix = (f: OwnershipFindingItem): boolean => f.targetKind !== null && f.targetId !== null && f.dutyKey !== null;

/** The findings table, shared by the findings list and a person's load. */
export function FindingsTable({
  findings,
  label,
  onFix,
}: {
  findings: OwnershipFindingItem[];
  label: string;
  onFix(f: OwnershipFindingItem): void;
}) {
  const columns: DataColumn<OwnershipFindingItem>[] = [
    {
      id: 'severity',
      header: 'Severity',
      sortable: true,
      width: 105,
      sortValue: (f) => SEVERITY_ORDER[f.severity],
      cell: (f) => <Badge tone={SEVERITY_TONE[f.severity]}>{SEVERITY_LABELS[f.severity]}</Badge>,
      title: (f) => SEVERITY_LABELS[f.severity],
    },
    {
      id: 'finding',
      header: 'Finding',
      sortable: true,
      wrap: true,
      sortValue: (f) => FINDING_LABELS[f.code],
      cell: (f) => (
        <div className="own-finding">
          <strong>{FINDING_LABELS[f.code]}</strong>
          <span className="own-finding__reason">{f.reason}</span>
        </div>
      ),
    },
    {
      id: 'where',
      header: 'Where',
      width: 240,
      wrap: true,
      sortable: true,
      sortValue: (f) => `${f.engagementName} ${f.targetName ?? ''}`,
      cell: (f) => (
        <div className="own-finding">
          <span>{[f.targetName, f.dutyName].filter(Boolean).join(' · ') || '—'}</span>
          <span className="muted own-finding__reason">
            {f.engagementName} · {f.clientName}
          </span>
        </div>
      ),
    },
    {
      id: 'person',
      header: 'Person',
      width: 160,
      sortable: true,
      sortValue: (f) => f.personName ?? '',
      cell: (f) => f.personName ?? '—',
    },
    { id: 'date', header: 'Day', width: 115, sortable: true, sortValue: (f) => f.date ?? '', cell: (f) => (f.date ? day(f.date) : '—') },
    {
      id: 'fix',
      header: 'Fix',
      hideHeader: true,
      width: 100,
      cell: (f) =>
        canFix(f) ? (
          <button
            type="button"
            className="button button--small"
            aria-label={`Assign… (${FINDING_LABELS[f.code]}: ${[f.targetName, f.dutyName].filter(Boolean).join(', ')})`}
            onClick={() => onFix(f)}
          >
            Assign…
          </button>
        ) : null,
    },
  ];
  return (
    <DataTable
      label={label}
      columns={columns}
      rows={findings}
      rowKey={(f) => f.key}
      initialSort={{ id: 'severity', direction: 'asc' }}
      rowHeight={56}
      empty={<EmptyState title="Nothing found">No gap, single point of failure or roll-off on these filters.</EmptyState>}
    />
  );
}

/** Every finding as of a day, worst first, filtered by engagement, severity and code; each fixable in place. */
export function FindingsView() {
  const store = useOwnership();
  const asOf = useAsOf();
  const engagements = useEngagements();
  const view = useProcedure('ownership.findings', { engagementId: store.scope || undefined, asOf });
  const [fixing, setFixing] = useState<OwnershipFindingItem | null>(null);
  const all = view.data?.findings ?? [];
  const shown = all.filter((f) => (!store.severity || f.severity === store.severity) && (!store.code || f.code === store.code));
  const counts = view.data?.counts;
  return (
    <section aria-label="Findings">
      <Toolbar>
        <ToolbarFilter
          label="Engagements"
          value={store.scope}
          onChange={(v) => store.set({ scope: v })}
          options={engagements.rows.map((e) => ({ value: e.id, label: `${e.name} — ${e.clientName}` }))}
        />
        <AsOfInput />
        <ToolbarFilter
          label="Severities"
          value={store.severity}
          onChange={(v) => store.set({ severity: v as Severity | '' })}
          options={SEVERITIES.map((s) => ({
            value: s,
            label: `${SEVERITY_LABELS[s]}${counts ? ` (${counts[s]})` : ''}`,
          }))}
        />
        <ToolbarFilter
          label="Kinds of finding"
          allLabel="All kinds of finding"
          value={store.code}
          onChange={(v) => store.set({ code: v as FindingCode | '' })}
          options={FINDING_CODES.map((c) => ({ value: c, label: FINDING_LABELS[c] }))}
        />
      </Toolbar>
      <ListStatus loading={view.isLoading} error={view.error?.message} count={shown.length} noun="finding" />
      <FindingsTable findings={shown} label="Findings" onFix={setFixing} />
      {fixing && <FixDrawer finding={fixing} asOf={asOf} onClose={() => setFixing(null)} />}
    </section>
  );
}

/** The assign form for the asset-duty a finding names, with the role it asks for and its day. */
export function FixDrawer({ finding, asOf, onClose }: { finding: OwnershipFindingItem; asOf: string; onClose(): void }) {
  const engagements = useEngagements();
  const toast = useToasts((s) => s.show);
  const [result, setResult] = useState<AssignResult | null>(null);
  const clientId = engagements.rows.find((e) => e.id === finding.engagementId)?.clientId ?? finding.clientId;
  if (!finding.targetKind || !finding.targetId || !finding.dutyKey) return null;
  const target = { targetKind: finding.targetKind, targetId: finding.targetId, dutyKey: finding.dutyKey };
  // A roll-off is fixed by a successor from the day after the Accountable's last day; anything else from the day looked at.
  const fromDate = finding.code === 'roll_off' && finding.date ? addDays(finding.date, 1) : asOf;
  return (
    <Drawer title={`Assign: ${[finding.targetName, finding.dutyName].filter(Boolean).join(' · ')}`} onClose={onClose}>
      <p className="drawer__sub">
        <Badge tone={SEVERITY_TONE[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Badge> {FINDING_LABELS[finding.code]} ·{' '}
        {finding.engagementName}
      </p>
      <p className="own-fix__reason">{finding.reason}</p>
      {result ? (
        <>
          <AssignOutcome result={result} what="Assigned" />
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </>
      ) : (
        <AssignForm
          engagementId={finding.engagementId}
          clientId={clientId}
          target={target}
          startRole={FIX_ROLE[finding.code]}
          fromDate={fromDate}
          onAssigned={(r) => {
            setResult(r);
            toast({ tone: 'info', message: r.warnings.length > 0 ? 'Assigned, with warnings.' : 'Assigned.' });
          }}
          onCancel={onClose}
        />
      )}
    </Drawer>
  );
}
