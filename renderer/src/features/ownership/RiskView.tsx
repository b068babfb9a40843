import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import { ListStatus } from '@renderer/components/list';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { EmptyState } from '@renderer/ui/EmptyState';
import { Toolbar, ToolbarFilter } from '@renderer/ui/Toolbar';
import type { ModelRisk } from '@shared/ownership/contract/matrix';
import { RISK_TIER_LABELS, type RiskTier } from '@shared/portfolio/rules/vocabulary';
import { AsOfInput, useAsOf } from './controls';
import { useOwnership } from './ownershipStore';

const TIER_TONE: Record<RiskTier, StatusTone> = { low: 'neutral', medium: 'info', high: 'attention', critical: 'critical' };
const TIER_ORDER: Record<RiskTier, number> = { low: 0, medium: 1, high: 2, critical: 3 };

type Ranked = ModelRisk & { rank: number };

/** Continuity risk per model, ranked across clients: who would be left holding it, and why the score is what it is. */
export function RiskView() {
  const store = useOwnership();
  const asOf = useAsOf();
  const { go } = useNav();
  const clients = useProcedure('clients.list', { archived: 'active', sort: 'name', direction: 'asc' });
  const ranking = useProcedure('ownership.risk', { clientId: store.clientId || undefined, asOf });
  const rows: Ranked[] = (ranking.data?.models ?? []).map((m, i) => ({ ...m, rank: i + 1 }));
  const columns: DataColumn<Ranked>[] = [
    { id: 'rank', header: 'Rank', width: 80, numeric: true, sortable: true, sortValue: (m) => m.rank, cell: (m) => m.rank },
    {
      id: 'model',
      header: 'Model',
      width: 190,
      wrap: true,
      sortable: true,
      sortValue: (m) => m.modelName,
      title: (m) => m.modelName,
      cell: (m) => (
        <button type="button" className="link own-left" onClick={() => go({ area: 'portfolio', recordId: m.modelId })}>
          {m.modelName}
        </button>
      ),
    },
    {
      id: 'engagement',
      header: 'Engagement · client',
      width: 210,
      wrap: true,
      sortable: true,
      sortValue: (m) => `${m.clientName} ${m.engagementName}`,
      cell: (m) => (
        <div className="own-finding">
          <button
            type="button"
            className="link own-left"
            title={`Open the matrix of ${m.engagementName}`}
            onClick={() => store.set({ tab: 'matrix', engagementId: m.engagementId, person: '', rowType: '' })}
          >
            {m.engagementName}
          </button>
          <span className="muted own-finding__reason">{m.clientName}</span>
        </div>
      ),
    },
    {
      id: 'tier',
      header: 'Tier',
      width: 95,
      sortable: true,
      sortValue: (m) => TIER_ORDER[m.riskTier],
      cell: (m) => <Badge tone={TIER_TONE[m.riskTier]}>{RISK_TIER_LABELS[m.riskTier]}</Badge>,
      title: (m) => `${RISK_TIER_LABELS[m.riskTier]} risk`,
    },
    {
      id: 'busFactor',
      header: 'Bus factor',
      width: 110,
      numeric: true,
      sortable: true,
      sortValue: (m) => m.busFactor,
      cell: (m) => (m.busFactor <= 1 ? <strong className="own-danger">{m.busFactor}</strong> : m.busFactor),
      title: (m) => `${m.busFactor} ${m.busFactor === 1 ? 'person' : 'people'} could answer for it`,
    },
    {
      id: 'score',
      header: 'Score',
      width: 80,
      numeric: true,
      sortable: true,
      sortValue: (m) => m.score,
      cell: (m) => <strong>{m.score}</strong>,
    },
    {
      id: 'why',
      header: 'Why',
      wrap: true,
      cell: (m) =>
        m.contributions.length === 0 ? (
          <span className="muted">Nothing adds to it</span>
        ) : (
          <ul className="own-contributions" aria-label={`Parts of ${m.modelName}’s score`}>
            {m.contributions.map((c) => (
              <li key={c.label}>
                <span className="own-contributions__points">+{c.points}</span> {c.label}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <section aria-label="Continuity risk">
      <Toolbar>
        <ToolbarFilter
          label="Clients"
          value={store.clientId}
          onChange={(v) => store.set({ clientId: v })}
          options={(clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <AsOfInput />
      </Toolbar>
      <ListStatus loading={ranking.isLoading} error={ranking.error?.message} count={ranking.data?.models.length} noun="model" />
      <DataTable
        label="Continuity risk by model"
        columns={columns}
        rows={rows}
        rowKey={(m) => m.modelId}
        initialSort={{ id: 'rank', direction: 'asc' }}
        rowHeight={64}
        empty={<EmptyState title="No model to rank">Models in the portfolio that an engagement runs are ranked here.</EmptyState>}
      />
    </section>
  );
}
