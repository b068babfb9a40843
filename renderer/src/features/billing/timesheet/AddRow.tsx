import type { BookableEngagement } from '@shared/billing/contract/hours';
import { ACTIVITIES, ACTIVITY_LABELS, type Activity } from '@shared/billing/rules/activities';
import { useState } from 'react';
import { rowKey } from './weekRows';

/**
 * Adds an empty row — engagement, activity, and one of the engagement's models
 * or none — to the week. Engagements the specialist is allocated to come first
 * (the backend's order); rows already in the grid cannot be added twice, and
 * engagements locked for the whole week are not offered. The model is
 * optional: most hours are on the engagement as a whole.
 */
export function AddRow({
  engagements,
  taken,
  onAdd,
}: {
  engagements: BookableEngagement[];
  taken: ReadonlySet<string>;
  onAdd(engagementId: string, activity: Activity, modelId: string | null): void;
}) {
  const [engagementId, setEngagementId] = useState('');
  const [activity, setActivity] = useState<Activity | ''>('');
  const [modelId, setModelId] = useState('');
  // An engagement whose months in this week are all approved or invoiced would only add locked cells.
  const open = engagements.filter((e) => Object.values(e.months).some((status) => status === 'open'));
  const allocated = open.filter((e) => e.allocated);
  const others = open.filter((e) => !e.allocated);
  const chosen = engagementId || (allocated.length === 1 && others.length === 0 ? (allocated[0]?.id ?? '') : '');
  const models = open.find((e) => e.id === chosen)?.models ?? [];
  const model = models.some((m) => m.id === modelId) ? modelId : '';
  const free = ACTIVITIES.filter((a) => !chosen || !taken.has(rowKey(chosen, a, model || null)));
  const pick = activity && free.includes(activity) ? activity : '';
  const option = (e: BookableEngagement) => (
    <option key={e.id} value={e.id}>
      {e.clientName} — {e.name}
    </option>
  );
  return (
    <form
      className="ts-add"
      aria-label="Add a row"
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen || !pick) return;
        onAdd(chosen, pick, model || null);
        setActivity('');
      }}
    >
      <span className="ts-add__label">Add a row</span>
      <select aria-label="Engagement of the new row" value={chosen} onChange={(e) => setEngagementId(e.target.value)}>
        <option value="">Engagement…</option>
        {allocated.length > 0 && <optgroup label="Allocated this week">{allocated.map(option)}</optgroup>}
        {others.length > 0 && <optgroup label="Other engagements running this week">{others.map(option)}</optgroup>}
      </select>
      <select aria-label="Activity of the new row" value={pick} onChange={(e) => setActivity(e.target.value as Activity | '')}>
        <option value="">Activity…</option>
        {free.map((a) => (
          <option key={a} value={a}>
            {ACTIVITY_LABELS[a]}
          </option>
        ))}
      </select>
      {models.length > 0 && (
        <select aria-label="Model of the new row (optional)" value={model} onChange={(e) => setModelId(e.target.value)}>
          <option value="">No model</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      )}
      <button type="submit" className="button button--small" disabled={!chosen || !pick}>
        Add row
      </button>
    </form>
  );
}
