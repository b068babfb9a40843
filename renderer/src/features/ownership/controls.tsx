import { useToday } from '@renderer/app/clock';
import { DateInput } from '@renderer/ui/fields';
import { useOwnership } from './ownershipStore';
import { useEngagements } from './people';

/** The engagement looked at: the one chosen, else the first by name. */
export function useEngagementChoice() {
  const chosen = useOwnership((s) => s.engagementId);
  const engagements = useEngagements();
  const engagement = engagements.rows.find((e) => e.id === chosen) ?? engagements.rows[0];
  return { engagementId: engagement?.id ?? '', engagement, engagements };
}

/** The day looked at: the one chosen, else today. */
export function useAsOf(): string {
  const chosen = useOwnership((s) => s.asOf);
  const today = useToday();
  return chosen || today;
}

/** The engagement picker of a toolbar (no "All" choice: the matrix is one engagement's). */
export function EngagementSelect() {
  const set = useOwnership((s) => s.set);
  const { engagementId, engagements } = useEngagementChoice();
  return (
    <select
      className="toolbar__filter ui-toolbar__filter own-engagement"
      aria-label="Engagement"
      title={engagements.rows.find((e) => e.id === engagementId)?.name}
      value={engagementId}
      onChange={(e) => set({ engagementId: e.target.value, cell: '', person: '' })}
    >
      {engagements.rows.length === 0 && <option value="">No engagement yet</option>}
      {engagements.rows.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name} — {e.clientName}
        </option>
      ))}
    </select>
  );
}

/** "As of" with a way back to today. */
export function AsOfInput() {
  const set = useOwnership((s) => s.set);
  const chosen = useOwnership((s) => s.asOf);
  const today = useToday();
  return (
    <span className="own-asof">
      <span className="own-asof__label" aria-hidden="true">
        As of
      </span>
      <DateInput label="As of" value={chosen || today} onChange={(v) => set({ asOf: v === today ? '' : v })} />
      {chosen && chosen !== today && (
        <button type="button" className="button button--small" onClick={() => set({ asOf: '' })}>
          Today
        </button>
      )}
    </span>
  );
}
