import { useProcedure } from '@renderer/api/queries';
import { EmptyState } from '@renderer/ui/EmptyState';
import { DueList } from './DueList';
import { useOperations } from './operationsStore';

/** Every model due for retraining, overdue first: the reasons with their triggers, the breach that raised them. */
export function RetrainingView() {
  const { clientId } = useOperations();
  const due = useProcedure('retraining.due', clientId ? { clientId } : {});
  if (due.error) return <p className="form__error">{due.error.message}</p>;
  if (!due.data) return <p className="list-status">Loading…</p>;
  if (due.data.length === 0)
    return (
      <EmptyState title="No retraining due">
        A model becomes due on its cadence, when a degradation or drift SLO it watches is in breach, or when new data arrives — each as its
        policy on the model’s Retraining tab says.
      </EmptyState>
    );
  return <DueList rows={due.data} showClient />;
}
