import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';

/** The empty state of a fresh database: start from scratch, or load the realistic sample dataset. */
export function SampleDataOffer({
  what,
  createLabel,
  onCreate,
}: {
  what: string;
  /** The button that starts from scratch, naming what it creates: "Create the first allocation", "Add a specialist". */
  createLabel: string;
  onCreate(): void;
}) {
  const load = useCommand('sample.load');
  const toast = useToasts((s) => s.show);
  return (
    <div className="empty">
      <h2>No {what} yet</h2>
      <p>
        Keel keeps everything in a local database on this computer. Start with your own records, or load a realistic sample operation — 5
        clients, 7 engagements and 16 specialists — to look around.
      </p>
      <div className="empty__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={load.isPending}
          onClick={async () => {
            // Awaited rather than per-call callbacks: this panel unmounts as soon as the data arrives.
            try {
              const r = await load.mutateAsync({});
              toast({
                tone: 'info',
                message: `Loaded ${r.clients} clients, ${r.engagements} engagements, ${r.specialists} specialists, ${r.allocations} allocations, ${r.absences} absences, ${r.staffingRequests} staffing requests, ${r.replacementRequests} replacement requests, ${r.timeEntries.toLocaleString('en')} time entries and ${r.invoices} invoices.`,
              });
            } catch (e) {
              toast({ tone: 'error', message: e instanceof Error ? e.message : String(e) });
            }
          }}
        >
          {load.isPending ? 'Loading…' : 'Load sample data'}
        </button>
        <button type="button" className="button" onClick={onCreate}>
          {createLabel}
        </button>
      </div>
    </div>
  );
}
