import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useNav, useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { ListStatus, ListToolbar } from '@renderer/components/list';
import { Badge } from '@renderer/ui/Badge';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import { type DataColumn, DataTable } from '@renderer/ui/DataTable';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import {
  CheckboxGroup,
  DateField,
  FormFooter,
  type FormOutput,
  type FormValues,
  optionsOf,
  SelectField,
  TextArea,
  TextField,
  useSchemaForm,
} from '@renderer/ui/fields';
import { ToolbarFilter } from '@renderer/ui/Toolbar';
import { type Asset, type AssetListItem, assetFields } from '@shared/ownership/contract/assets';
import { ASSET_TYPE_LABELS, ASSET_TYPES, type AssetType } from '@shared/ownership/rules/vocabulary';
import { useState } from 'react';
import { EngagementSelect, useEngagementChoice } from './controls';
import { useOwnership } from './ownershipStore';

/** The assets of the engagement looked at: search, type, archived; a row opens its form (`#/ownership/<asset id>`). */
export function AssetsView() {
  const store = useOwnership();
  const { go } = useNav();
  const { engagementId } = useEngagementChoice();
  const list = useProcedure(
    'assets.list',
    { engagementId, type: store.assetType || undefined, q: store.q || undefined, archived: store.archived },
    engagementId !== '',
  );
  const archive = useCommand('assets.archive');
  const toast = useToasts((s) => s.show);
  const open = (id: string) => go({ area: 'ownership', recordId: id });
  const columns: DataColumn<AssetListItem>[] = [
    {
      id: 'name',
      header: 'Asset',
      width: 240,
      sortable: true,
      sortValue: (a) => a.name,
      title: (a) => a.name,
      cell: (a) => (
        <button type="button" className="link" onClick={() => open(a.id)}>
          {a.name}
        </button>
      ),
    },
    {
      id: 'type',
      header: 'Type',
      width: 170,
      sortable: true,
      sortValue: (a) => ASSET_TYPE_LABELS[a.type],
      cell: (a) => ASSET_TYPE_LABELS[a.type],
    },
    {
      id: 'models',
      header: 'Serves',
      width: 240,
      cell: (a) => (a.modelNames.length === 0 ? <span className="muted">No model: staffed on its own</span> : a.modelNames.join(', ')),
      title: (a) => (a.modelNames.length === 0 ? 'Serves no model' : `Inherits from ${a.modelNames[0]}; serves ${a.modelNames.join(', ')}`),
    },
    {
      id: 'service',
      header: 'In service',
      width: 220,
      sortable: true,
      sortValue: (a) => a.inServiceFrom,
      cell: (a) => `${day(a.inServiceFrom)} – ${a.inServiceTo ? day(a.inServiceTo) : 'today'}`,
    },
    { id: 'links', header: 'Links', width: 70, numeric: true, cell: (a) => a.links.length },
    {
      id: 'state',
      header: 'State',
      width: 110,
      cell: (a) => (a.archivedAt ? <Badge tone="neutral">Archived</Badge> : <Badge tone="ok">Current</Badge>),
      title: (a) => (a.archivedAt ? 'Archived: not in the matrix' : 'In the matrix'),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      width: 130,
      cell: (a) => (
        <button
          type="button"
          className="button button--small"
          onClick={async () => {
            const archiving = a.archivedAt === null;
            if (archiving) {
              const yes = await askConfirm({
                title: `Archive ${a.name}?`,
                message: 'It leaves the matrix and its checks; its assignments stay in the history. You can bring it back.',
                confirmLabel: 'Archive asset',
              });
              if (!yes) return;
            }
            try {
              await archive.mutateAsync({ id: a.id, archived: archiving });
              toast({ tone: 'info', message: archiving ? `Archived ${a.name}.` : `${a.name} is back in the matrix.` });
            } catch (error) {
              toast({ tone: 'error', message: error instanceof CallError ? error.message : String(error) });
            }
          }}
        >
          {a.archivedAt ? 'Bring back' : 'Archive…'}
        </button>
      ),
    },
  ];
  return (
    <section aria-label="Assets">
      <ListToolbar
        store={{
          search: store.q,
          archived: store.archived,
          filters: {},
          sort: 'name',
          direction: 'asc',
          setSearch: (q) => store.set({ q }),
          setArchived: (archived) => store.set({ archived }),
          setFilter: () => {},
          toggleSort: () => {},
        }}
        placeholder="Search assets"
        actions={
          <button type="button" className="button button--primary" disabled={!engagementId} onClick={() => open('new')}>
            Add an asset
          </button>
        }
      >
        <EngagementSelect />
        <ToolbarFilter
          label="Asset types"
          value={store.assetType}
          onChange={(v) => store.set({ assetType: v as AssetType | '' })}
          options={optionsOf(ASSET_TYPES, ASSET_TYPE_LABELS)}
        />
      </ListToolbar>
      <ListStatus loading={list.isLoading} error={list.error?.message} count={list.data?.total} noun="asset" />
      <DataTable
        label="Assets"
        columns={columns}
        rows={list.data?.rows ?? []}
        rowKey={(a) => a.id}
        initialSort={{ id: 'name', direction: 'asc' }}
        empty={
          list.data && (
            <EmptyState title="No asset here">
              Pipelines, endpoints, dashboards and monitors around the models: add them so each has a named owner.
            </EmptyState>
          )
        }
      />
    </section>
  );
}

type AssetValues = FormValues<typeof assetFields>;

/** The asset drawer: a new one (`#/ownership/new`) or an existing one by id (looked up across engagements). */
export function AssetDrawer({ recordId, onClose }: { recordId: string; onClose(): void }) {
  const { engagementId } = useEngagementChoice();
  const today = useToday();
  const isNew = recordId === 'new';
  const all = useProcedure('assets.list', { archived: 'all' }, !isNew);
  const asset = all.data?.rows.find((a) => a.id === recordId);
  const create = useCommand('assets.create');
  const update = useCommand('assets.update');
  const toast = useToasts((s) => s.show);
  const { go } = useNav();
  if (!isNew && all.isLoading) return null;
  if (!isNew && !asset) {
    return (
      <Drawer title="Asset" onClose={onClose}>
        <p className="notice">{all.error?.message ?? 'This asset is not in Keel (any more).'}</p>
      </Drawer>
    );
  }
  const initial: AssetValues = asset
    ? {
        engagementId: asset.engagementId,
        name: asset.name,
        type: asset.type,
        modelIds: asset.modelIds,
        links: asset.links,
        inServiceFrom: asset.inServiceFrom,
        inServiceTo: asset.inServiceTo,
        notes: asset.notes,
      }
    : { engagementId, name: '', type: '', modelIds: [], links: [], inServiceFrom: today, inServiceTo: null, notes: '' };
  return (
    <Drawer title={asset ? asset.name : 'Add an asset'} onClose={onClose}>
      {asset && (
        <p className="drawer__sub">
          {ASSET_TYPE_LABELS[asset.type]} · {asset.engagementName} · {asset.clientName}
          {asset.archivedAt && ' · archived'}
        </p>
      )}
      <AssetForm
        initial={initial}
        isNew={isNew}
        onCancel={onClose}
        onSave={async (values) => {
          let saved: Asset;
          if (asset) {
            const { engagementId: _kept, ...rest } = values;
            saved = await update.mutateAsync({ ...rest, id: asset.id, expectedUpdatedAt: asset.updatedAt });
          } else saved = await create.mutateAsync(values);
          toast({ tone: 'info', message: `Saved ${saved.name}.` });
          go({ area: 'ownership', recordId: null });
        }}
      />
    </Drawer>
  );
}

function AssetForm({
  initial,
  isNew,
  onSave,
  onCancel,
}: {
  initial: AssetValues;
  isNew: boolean;
  onSave(values: FormOutput<typeof assetFields>): Promise<unknown>;
  onCancel(): void;
}) {
  const form = useSchemaForm(assetFields, initial, { idPrefix: 'asset' });
  const { values } = form;
  const engagements = useProcedure('engagements.list', { archived: 'active', sort: 'name', direction: 'asc' });
  const models = useProcedure(
    'models.list',
    { engagementId: values.engagementId, sort: 'name', direction: 'asc' },
    values.engagementId !== '',
  );
  const [linksText, setLinksText] = useState(initial.links.join('\n'));
  const modelOptions = (models.data?.rows ?? []).map((m) => ({ value: m.id, label: m.name }));
  const primary = values.modelIds[0] ?? '';
  const modelsField = form.field('modelIds');
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(onSave);
      }}
    >
      <SelectField
        {...form.field('engagementId')}
        label="Engagement"
        placeholder="Choose an engagement"
        disabled={!isNew}
        hint={isNew ? undefined : 'An asset stays on its engagement.'}
        options={(engagements.data?.rows ?? []).map((e) => ({ value: e.id, label: `${e.name} — ${e.clientName}` }))}
        onChange={(v) => {
          form.set('engagementId', v);
          form.set('modelIds', []);
        }}
        wide
      />
      <TextField {...form.field('name')} wide />
      <SelectField {...form.field('type')} placeholder="Choose a type" options={optionsOf(ASSET_TYPES, ASSET_TYPE_LABELS)} />
      <SelectField
        id="asset-primary"
        label="Inherits from"
        value={primary}
        disabled={values.modelIds.length < 2}
        hint="Its owners follow this model’s unless it has its own."
        options={
          values.modelIds.length === 0
            ? [{ value: '', label: 'No model served' }]
            : modelOptions.filter((o) => values.modelIds.includes(o.value))
        }
        onChange={(v) => form.set('modelIds', [v, ...values.modelIds.filter((m) => m !== v)])}
      />
      <CheckboxGroup
        {...modelsField}
        label="Models served"
        hint={modelOptions.length === 0 ? 'The engagement runs no model yet (register them in the portfolio).' : undefined}
        options={modelOptions}
        // The primary model stays first while others are ticked or cleared.
        onChange={(chosen) => form.set('modelIds', chosen.includes(primary) ? [primary, ...chosen.filter((m) => m !== primary)] : chosen)}
        wide
      />
      <TextArea
        {...form.field('links')}
        value={linksText}
        hint="One https:// link a line: the repository, the job, the dashboard."
        onChange={(v) => {
          setLinksText(v);
          form.set(
            'links',
            v
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          );
        }}
      />
      <DateField {...form.field('inServiceFrom')} label="In service from" />
      <DateField {...form.field('inServiceTo')} nullable label="In service to" hint="Empty: still in service." />
      <TextArea {...form.field('notes')} />
      <FormFooter error={form.formError} saving={form.saving} submitLabel={isNew ? 'Add asset' : 'Save asset'} onCancel={onCancel} />
    </form>
  );
}
