import { useProcedure } from '@renderer/api/queries';
import { formatDuration } from '@shared/billing/rules/duration';
import { firstDayOf, lastDayOf, monthLabel } from '@shared/billing/rules/months';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { ModelHoursTable } from './ModelHoursTable';

/** The model page's Hours tab (billing fills the portfolio's `model.hours` slot): the team's hours on the model, per month and activity. */
export function ModelHoursTab({ model }: { model: ModelDetail }) {
  const hours = useProcedure('time.byModel', { modelId: model.id });
  if (hours.error) return <p className="list-status list-status--error">{hours.error.message}</p>;
  if (!hours.data) return <p className="list-status">Loading the hours…</p>;
  const [own] = hours.data.models;
  if (!own) {
    return (
      <div className="empty">
        <h2>No hours on {model.name} yet</h2>
        <p>
          Hours appear here when a specialist books them on a timesheet row with this model
          {model.engagementName ? ` (on ${model.engagementName})` : ''}. Invoices do not depend on it: the model only says where the time
          went.
        </p>
      </div>
    );
  }
  const first = monthLabel(own.months[0]?.month ?? '');
  const last = monthLabel(own.months.at(-1)?.month ?? '');
  return (
    <section className="mh-section" aria-labelledby="model-hours">
      <h3 id="model-hours">Hours on {model.name}</h3>
      <p className="muted">
        {formatDuration(own.totalMinutes)} h {first === last ? `in ${first}` : `from ${first} to ${last}`}, per month and activity, from the
        timesheets of {own.engagementName}. Invoices do not depend on it: the model only says where the time went.
      </p>
      <ModelHoursTable report={hours.data} by="month" label={`Hours on ${model.name} per month and activity`} />
    </section>
  );
}

/** The month view's hours per model and activity for one engagement's month. */
export function MonthModelHours({ engagementId, engagementName, month }: { engagementId: string; engagementName: string; month: string }) {
  const hours = useProcedure('time.byModel', { engagementId, from: firstDayOf(month), to: lastDayOf(month) });
  if (hours.error) return <p className="list-status list-status--error">{hours.error.message}</p>;
  if (!hours.data) return null;
  return (
    <section className="mh-section" aria-labelledby="month-model-hours">
      <h3 id="month-model-hours">Hours by model</h3>
      {hours.data.models.length === 0 ? (
        <p className="muted">
          No hours on {engagementName} name a model in {monthLabel(month)}.
        </p>
      ) : (
        <>
          <p className="muted">
            The hours of {monthLabel(month)} booked on one of {engagementName}’s models, per activity. Hours on no model are not in it; the
            invoice counts them all alike.
          </p>
          <ModelHoursTable report={hours.data} by="model" label={`Hours by model on ${engagementName} in ${monthLabel(month)}`} />
        </>
      )}
    </section>
  );
}
