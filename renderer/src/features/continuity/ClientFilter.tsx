import { useProcedure } from '@renderer/api/queries';
import { FilterSelect } from '@renderer/components/list';
import { useContinuity } from './continuityStore';

/** The client looked at, shared by the board, the request list and the report. */
export function ClientFilter() {
  const { clientId, setClient } = useContinuity();
  const clients = useProcedure('clients.list', { archived: 'all', sort: 'name', direction: 'asc' });
  const options = (clients.data?.rows ?? []).map((c) => ({ value: c.id, label: c.archivedAt ? `${c.name} (archived)` : c.name }));
  return <FilterSelect label="Clients" value={clientId} onChange={setClient} options={options} />;
}
