import { useNav } from '@renderer/app/stores';
import { Badge, type StatusTone } from '@renderer/ui/Badge';
import type { CrossCheck, Verdict } from '@shared/maturity/rules/crossCheck';
import type { Criterion } from '@shared/maturity/rules/framework';

export const VERDICT: Record<Verdict, { label: string; tone: StatusTone }> = {
  contradicts: { label: 'Contradiction', tone: 'critical' },
  understated: { label: 'Understated', tone: 'attention' },
  agrees: { label: 'Agrees', tone: 'ok' },
  unanswered: { label: 'Not answered', tone: 'neutral' },
  no_data: { label: 'Cannot tell', tone: 'neutral' },
};

/** The measured criteria, worst first: the answer, what Keel measured, the models that do not show it. */
export function CrossCheckList({ checks, criteria }: { checks: CrossCheck[]; criteria: Criterion[] | null }) {
  const { go } = useNav();
  if (checks.length === 0) return <p className="muted">No assessment to check yet.</p>;
  const order: Verdict[] = ['contradicts', 'understated', 'unanswered', 'agrees', 'no_data'];
  const sorted = [...checks].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
  return (
    <ul className="mat-checks">
      {sorted.map((c) => (
        <li key={c.criterionId} className={`mat-check mat-check--${c.verdict}`}>
          <Badge tone={VERDICT[c.verdict].tone} strong={c.verdict === 'contradicts'}>
            {VERDICT[c.verdict].label}
          </Badge>{' '}
          <strong>{criteria?.find((x) => x.id === c.criterionId)?.title ?? c.measurement.label}</strong>
          <p className="mat-check__message">{c.message}</p>
          {c.measurement.failing.length > 0 && (
            <p className="muted mat-check__models">
              Not shown by:{' '}
              {c.measurement.failing.map((m, i) => (
                <span key={m.modelId}>
                  {i > 0 && ', '}
                  <button type="button" className="link" onClick={() => go({ area: 'portfolio', recordId: m.modelId })}>
                    {m.name}
                  </button>
                </span>
              ))}
              {c.measurement.failingCount > c.measurement.failing.length &&
                ` and ${c.measurement.failingCount - c.measurement.failing.length} more`}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
