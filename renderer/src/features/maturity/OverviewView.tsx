import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useNav, useToasts } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { EmptyState } from '@renderer/ui/EmptyState';
import { DateField } from '@renderer/ui/fields';
import { COMPARISON_MIN_CLIENTS, type MaturityOverview } from '@shared/maturity/contract/overview';
import type { FrameworkKey } from '@shared/maturity/rules/vocabulary';
import { useState } from 'react';
import { CrossCheckList } from './CrossCheckList';
import { type FrameworkAxes, RadarWithTable, TrendWithTable } from './charts';

const levelIn = (levels: MaturityOverview['current'], framework: FrameworkKey, dimension: string): number | null =>
  levels?.levels.find((l) => l.framework === framework)?.dimensions.find((d) => d.dimension === dimension)?.level ?? null;

/** Where a client stands: the levels now, before and aimed for, the gaps with next steps, the trend, the other clients, the cross-check. */
export function OverviewView({ clientId, onStart }: { clientId: string; onStart(): void }) {
  const overview = useProcedure('maturity.client', { clientId });
  const { go } = useNav();
  if (overview.isPending) return <p className="muted">Loading…</p>;
  if (overview.error) return <p role="alert">{overview.error.message}</p>;
  const o = overview.data;
  if (!o.current) {
    return (
      <EmptyState
        title={`${o.clientName} has no final assessment yet`}
        action={
          o.draft ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => go({ area: 'maturity', recordId: o.draft?.id ?? null })}
            >
              Continue the draft of {day(o.draft.assessedOn)}
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={onStart}>
              Start an assessment
            </button>
          )
        }
      >
        Levels, the trend and the gaps to targets appear once an assessment is finalised.
      </EmptyState>
    );
  }
  return (
    <div className="mat-overview">
      <p className="mat-overview__lede">
        Current: the final assessment of{' '}
        <button type="button" className="link" onClick={() => go({ area: 'maturity', recordId: o.current?.assessmentId ?? null })}>
          {day(o.current.assessedOn)}
        </button>
        {o.previous ? <> · previous: {day(o.previous.assessedOn)}</> : ' · no earlier final assessment'}
        {o.draft && (
          <>
            {' '}
            · a draft of {day(o.draft.assessedOn)} is open (
            <button type="button" className="link" onClick={() => go({ area: 'maturity', recordId: o.draft?.id ?? null })}>
              continue it
            </button>
            )
          </>
        )}
      </p>
      {o.contradictions > 0 && (
        <p className="mat-flag" role="status">
          <Badge tone="critical" strong>
            {o.contradictions} {o.contradictions === 1 ? 'contradiction' : 'contradictions'}
          </Badge>{' '}
          Answers in the current assessment that the portfolio or the ownership matrix do not bear out — see “Checked against Keel’s data”.
        </p>
      )}
      {o.frameworks.map((f) => (
        <FrameworkSection key={f.key} overview={o} axes={f} />
      ))}
      <section className="mat-section" aria-labelledby="mat-cross">
        <h2 id="mat-cross">Checked against Keel’s data</h2>
        <CrossCheckList checks={o.crossChecks} criteria={null} />
      </section>
      <section className="mat-section" aria-labelledby="mat-compare">
        <h2 id="mat-compare">Compared with Keel’s other clients</h2>
        <p className="muted">
          Your level against the median of the other clients’ latest final assessments — anonymised, shown over {COMPARISON_MIN_CLIENTS}{' '}
          clients or more.
        </p>
        <table className="table mat-table" aria-label="Your level against the median of Keel’s clients">
          <thead>
            <tr>
              <th scope="col">Framework</th>
              <th scope="col">Dimension</th>
              <th scope="col">Yours</th>
              <th scope="col">Median of clients</th>
              <th scope="col">Clients</th>
            </tr>
          </thead>
          <tbody>
            {o.comparison.map((c) => (
              <tr key={`${c.framework}-${c.dimension}`}>
                <td>{o.frameworks.find((f) => f.key === c.framework)?.name}</td>
                <th scope="row">{c.dimensionName}</th>
                <td>{c.yours ?? '—'}</td>
                <td>{c.median ?? `needs ${COMPARISON_MIN_CLIENTS} clients`}</td>
                <td>{c.clients}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function FrameworkSection({ overview: o, axes }: { overview: MaturityOverview; axes: FrameworkAxes }) {
  const current = o.current?.levels.find((l) => l.framework === axes.key);
  const rows = axes.dimensions.map((d) => ({
    dimension: d.name,
    current: levelIn(o.current, axes.key, d.key),
    previous: levelIn(o.previous, axes.key, d.key),
    target: o.targets.find((t) => t.framework === axes.key && t.dimension === d.key)?.level ?? null,
  }));
  const gaps = o.gaps.filter((g) => g.framework === axes.key);
  const trend = o.trend.filter((t) => t.framework === axes.key);
  return (
    <section className="mat-section" aria-labelledby={`mat-${axes.key}`}>
      <h2 id={`mat-${axes.key}`}>{axes.name}</h2>
      {current ? (
        <p className="mat-overall">
          Overall level <strong>{current.overall}</strong> — {current.overallName} <span className="muted">({current.overallRule})</span>
        </p>
      ) : (
        <p className="muted">The current assessment was not read against this framework.</p>
      )}
      <div className="mat-charts">
        <RadarWithTable axes={axes} rows={rows} caption={`${axes.name}: current, previous and target per dimension`} />
        <TrendWithTable axes={axes} lines={trend} caption={`${axes.name}: level per dimension across assessments`} />
      </div>
      {current && (
        <ul className="mat-blockers" aria-label={`${axes.name}: what blocks the next level`}>
          {current.dimensions.map((d) => (
            <li key={d.dimension}>
              <strong>{d.dimensionName}</strong> at level {d.level} — {d.levelName}.{' '}
              {d.next ? (
                <>
                  Next: level {d.next.level}, blocked by <em>{d.next.blockers[0]?.title}</em>
                  {d.next.blockers.length > 1 ? ` and ${d.next.blockers.length - 1} more` : ''}.
                </>
              ) : (
                'The top level is reached.'
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>Targets, gaps and next steps</h3>
      <TargetsTable overview={o} axes={axes} />
      {gaps
        .filter((g) => g.gap > 0)
        .map((g) => (
          <details key={g.dimension} className="mat-gap" open={g === gaps[0]}>
            <summary>
              {g.dimensionName}: level {g.current} → {g.target} by {day(g.dueOn)} ·{' '}
              {g.daysLeft < 0 ? (
                <Badge tone="critical">overdue by {-g.daysLeft} days</Badge>
              ) : (
                <span className="muted">{g.daysLeft} days left</span>
              )}{' '}
              · {g.nextSteps.length} next {g.nextSteps.length === 1 ? 'step' : 'steps'}
            </summary>
            <ol className="mat-steps">
              {g.nextSteps.map((s) => (
                <li key={s.criterionId}>
                  <strong>{s.title}</strong>{' '}
                  <span className="muted">
                    (level {s.level}
                    {s.answer ? `, answered ${s.answer.replace('_', ' ')}` : ', not answered'})
                  </span>
                  <br />
                  {s.descriptor}
                </li>
              ))}
            </ol>
          </details>
        ))}
    </section>
  );
}

function TargetsTable({ overview: o, axes }: { overview: MaturityOverview; axes: FrameworkAxes }) {
  return (
    <table className="table mat-table mat-targets" aria-label={`${axes.name}: targets`}>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Current</th>
          <th scope="col">Target level</th>
          <th scope="col">Due on</th>
          <th scope="col">Reason (required below the current level)</th>
          <th scope="col">
            <span className="ui-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {axes.dimensions.map((d) => (
          <TargetRow
            key={d.key}
            clientId={o.clientId}
            axes={axes}
            dimension={d}
            current={levelIn(o.current, axes.key, d.key)}
            target={o.targets.find((t) => t.framework === axes.key && t.dimension === d.key) ?? null}
          />
        ))}
      </tbody>
    </table>
  );
}

function TargetRow({
  clientId,
  axes,
  dimension,
  current,
  target,
}: {
  clientId: string;
  axes: FrameworkAxes;
  dimension: { key: string; name: string };
  current: number | null;
  target: MaturityOverview['targets'][number] | null;
}) {
  const today = useToday();
  const toast = useToasts((s) => s.show);
  const save = useCommand('maturity.setTarget');
  const remove = useCommand('maturity.removeTarget');
  const [level, setLevel] = useState(String(target?.level ?? Math.min((current ?? 0) + 1, axes.levels.length - 1)));
  const [dueOn, setDueOn] = useState(target?.dueOn ?? '');
  const [reason, setReason] = useState(target?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const id = `target-${axes.key}-${dimension.key}`;
  const changed = !target || String(target.level) !== level || target.dueOn !== dueOn || target.reason !== reason;
  const submit = () => {
    setError(null);
    save.mutate(
      { clientId, framework: axes.key, dimension: dimension.key, level: Number(level), dueOn, reason },
      {
        onSuccess: () => toast({ tone: 'info', message: `${dimension.name}: target level ${level} by ${day(dueOn)} saved.` }),
        onError: (e) => setError(e instanceof CallError ? e.message : String(e)),
      },
    );
  };
  return (
    <tr>
      <th scope="row">{dimension.name}</th>
      <td>{current ?? '—'}</td>
      <td>
        <select aria-label={`${dimension.name} target level`} value={level} onChange={(e) => setLevel(e.target.value)}>
          {axes.levels.map((l) => (
            <option key={l.level} value={l.level}>
              {l.level} — {l.name}
            </option>
          ))}
        </select>
      </td>
      <td className="mat-targets__date">
        <DateField id={`${id}-due`} label={`${dimension.name} due on`} value={dueOn} onChange={setDueOn} placeholder={day(today)} />
      </td>
      <td>
        <input
          aria-label={`${dimension.name} reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={current !== null && Number(level) < current ? 'Why the bar is lowered' : ''}
        />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td className="mat-targets__actions">
        <button type="button" className="button button--small" disabled={!changed || save.isPending} onClick={submit}>
          {target ? 'Save' : 'Set target'}
        </button>
        {target && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: target.id }, { onError: (e) => setError(e.message) })}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}
