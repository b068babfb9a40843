import { useCommand, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { day, instantDay } from '@renderer/components/dates';
import { ListStatus, storeSort } from '@renderer/components/list';
import { Badge } from '@renderer/ui/Badge';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import { Toolbar, ToolbarFilter } from '@renderer/ui/Toolbar';
import type { ModelListItem } from '@shared/portfolio/contract/models';
import {
  AI_ACT_CATEGORIES,
  AI_ACT_CATEGORY_LABELS,
  MODEL_KIND_LABELS,
  MODEL_KINDS,
  RISK_TIER_LABELS,
  RISK_TIERS,
  STAGE_LABELS,
  STAGES,
} from '@shared/portfolio/rules/vocabulary';
import { useEffect, useRef, useState } from 'react';
import { PortfolioExportButton } from './ExportButtons';
import { ImportInventoryDrawer } from './ImportInventory';
import { CATEGORY_TONE, daysWords, RISK_TONE, STAGE_TONE } from './labels';
import { emptyModel, ModelForm } from './ModelForm';
import { ModelPage } from './ModelPage';
import { usePortfolioList } from './portfolioStore';
import './portfolio.css';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** The portfolio: every model, filtered and searched from the address; a model opens as its own page. */
export function PortfolioScreen() {
  const { route, go } = useNav();
  const open = (recordId: string | null) => go({ area: 'portfolio', recordId });
  if (route.recordId && route.recordId !== 'new') return <ModelPage id={route.recordId} onBack={() => open(null)} />;
  return (
    <>
      <PortfolioList onOpen={open} />
      {route.recordId === 'new' && <NewModelDrawer onClose={() => open(null)} onCreated={(id) => open(id)} />}
    </>
  );
}

function PortfolioList({ onOpen }: { onOpen(id: string | null): void }) {
  const store = usePortfolioList();
  const { filters } = store;
  const listInput = {
    search: store.search || undefined,
    clientId: filters.clientId || undefined,
    stage: (filters.stage || undefined) as ModelListItem['stage'] | undefined,
    riskTier: (filters.riskTier || undefined) as ModelListItem['riskTier'] | undefined,
    aiActCategory: (filters.aiActCategory || undefined) as ModelListItem['aiActCategory'] | undefined,
    kind: (filters.kind || undefined) as ModelListItem['kind'] | undefined,
    sort: store.sort as 'name',
    direction: store.direction,
  };
  const list = useProcedure('models.list', listInput);
  const clients = useProcedure('clients.list', { archived: 'all', sort: 'name', direction: 'asc' });
  const [importing, setImporting] = useState(false);
  const columns: DataColumn<ModelListItem>[] = [
    {
      id: 'name',
      header: 'Model',
      sortable: true,
      width: 250,
      title: (m) => m.name,
      cell: (m) => (
        <button type="button" className="link" onClick={() => onOpen(m.id)}>
          {m.name}
        </button>
      ),
    },
    { id: 'client', header: 'Client', sortable: true, width: 190, cell: (m) => m.clientName },
    {
      id: 'engagement',
      header: 'Engagement',
      width: 210,
      cell: (m) => m.engagementName ?? '—',
      title: (m) => m.engagementName ?? 'No engagement',
    },
    {
      id: 'stage',
      header: 'Stage',
      sortable: true,
      width: 120,
      cell: (m) => <Badge tone={STAGE_TONE[m.stage]}>{STAGE_LABELS[m.stage]}</Badge>,
    },
    {
      id: 'riskTier',
      header: 'Risk',
      sortable: true,
      width: 100,
      cell: (m) => <Badge tone={RISK_TONE[m.riskTier]}>{RISK_TIER_LABELS[m.riskTier]}</Badge>,
    },
    {
      id: 'aiActCategory',
      header: 'EU AI Act',
      width: 120,
      cell: (m) => <Badge tone={CATEGORY_TONE[m.aiActCategory]}>{AI_ACT_CATEGORY_LABELS[m.aiActCategory]}</Badge>,
    },
    { id: 'kind', header: 'Kind', width: 150, cell: (m) => MODEL_KIND_LABELS[m.kind] },
    {
      id: 'champion',
      header: 'Champion',
      width: 210,
      cell: (m) =>
        m.championLabel === null ? (
          '—'
        ) : (
          <>
            {m.championLabel} <span className="muted">since {instantDay(m.championSince ?? '')}</span>
          </>
        ),
      title: (m) =>
        m.championLabel === null
          ? 'No version serves production as champion'
          : `Version ${m.championLabel} serves production as champion since ${instantDay(m.championSince ?? '')}`,
    },
    {
      id: 'daysInStage',
      header: 'In stage',
      sortable: true,
      numeric: true,
      width: 120,
      cell: (m) => daysWords(m.daysInStage),
      title: (m) => `${STAGE_LABELS[m.stage]} since ${day(m.stageSince)}`,
    },
  ];
  return (
    <div className="screen">
      <header className="screen__header">
        <div>
          <h1>Model portfolio</h1>
          <p className="screen__lede">Every model the team runs or the clients hold: its stage, its risk, and how long it has waited.</p>
        </div>
        <div className="screen__actions">
          <PortfolioExportButton input={listInput} />
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Import inventory…
          </button>
          <button type="button" className="button button--primary" title="Shortcut: N" onClick={() => onOpen('new')}>
            Register a model
          </button>
        </div>
      </header>
      <SearchToolbar value={store.search} onChange={store.setSearch}>
        <ToolbarFilter
          label="Clients"
          value={filters.clientId}
          onChange={(v) => store.setFilter('clientId', v)}
          options={(clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <ToolbarFilter
          label="Stages"
          value={filters.stage}
          onChange={(v) => store.setFilter('stage', v)}
          options={options(STAGES, STAGE_LABELS)}
        />
        <ToolbarFilter
          label="Risk tiers"
          value={filters.riskTier}
          onChange={(v) => store.setFilter('riskTier', v)}
          options={options(RISK_TIERS, RISK_TIER_LABELS)}
        />
        <ToolbarFilter
          label="EU AI Act categories"
          allLabel="All EU AI Act categories"
          value={filters.aiActCategory}
          onChange={(v) => store.setFilter('aiActCategory', v)}
          options={options(AI_ACT_CATEGORIES, AI_ACT_CATEGORY_LABELS)}
        />
        <ToolbarFilter
          label="Kinds"
          value={filters.kind}
          onChange={(v) => store.setFilter('kind', v)}
          options={options(MODEL_KINDS, MODEL_KIND_LABELS)}
        />
      </SearchToolbar>
      <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="model" />
      <DataTable
        label="Models"
        columns={columns}
        rows={list.data?.rows ?? []}
        rowKey={(m) => m.id}
        onOpen={(m) => onOpen(m.id)}
        {...storeSort(store)}
        empty={list.data && <EmptyState title="No model matches">Clear the search or the filters, or register a model.</EmptyState>}
      />
      {importing && <ImportInventoryDrawer initialClientId={filters.clientId} onClose={() => setImporting(false)} />}
    </div>
  );
}

/** The kit's toolbar with a debounced search bound to the list store (models are never archived, so no switch). */
function SearchToolbar({ value, onChange, children }: { value: string; onChange(v: string): void; children: React.ReactNode }) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      sent.current = text;
      onChange(text);
    }, 200);
    return () => clearTimeout(timer);
  }, [text, onChange]);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  return <Toolbar search={{ value: text, onChange: setText, placeholder: 'Search name, use case, tags or client' }}>{children}</Toolbar>;
}

function NewModelDrawer({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const create = useCommand('models.create');
  const toast = useToasts((s) => s.show);
  const { filters } = usePortfolioList();
  return (
    <Drawer title="Register a model" onClose={onClose}>
      <ModelForm
        initial={{ ...emptyModel, clientId: filters.clientId }}
        isNew
        submitLabel="Register model"
        onCancel={onClose}
        onSave={async (values) => {
          const created = await create.mutateAsync(values);
          toast({ tone: 'info', message: `Registered ${created.name}.` });
          onCreated(created.id);
        }}
      />
    </Drawer>
  );
}
