import { useCommand } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { Badge } from '@renderer/ui/Badge';
import type { AssessmentAnswer, AssessmentDetail } from '@shared/maturity/contract/assessments';
import type { Criterion } from '@shared/maturity/rules/framework';
import { ANSWER_LABELS, ANSWERS, type Answer, CONFIDENCE_LABELS, CONFIDENCES, type Confidence } from '@shared/maturity/rules/vocabulary';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { VERDICT } from './CrossCheckList';

const ANSWER_KEYS: Record<string, Answer> = { y: 'yes', p: 'partly', n: 'no', a: 'not_applicable' };
const CONFIDENCE_KEYS: Record<string, Confidence> = { '1': 'low', '2': 'medium', '3': 'high' };
const SHORT_ANSWER: Record<Answer, string> = { yes: 'Yes', partly: 'Partly', no: 'No', not_applicable: 'N/A' };

/**
 * The criteria grouped by section, with progress; keyboard-first like the timesheet: ↑/↓ or j/k move between
 * criteria, y / p / n / a answer the focused one (saved at once), 1 / 2 / 3 set the confidence, e or Enter open
 * its evidence. A final assessment reads the same, without the controls.
 */
export function CriteriaForm({ detail }: { detail: AssessmentDetail }) {
  const readOnly = detail.assessment.status === 'final';
  const answers = useMemo(() => new Map(detail.answers.map((a) => [a.criterionId, a])), [detail.answers]);
  const checks = useMemo(() => new Map(detail.crossChecks.map((c) => [c.criterionId, c])), [detail.crossChecks]);
  const ordered = useMemo(() => detail.set.sections.flatMap((s) => detail.set.criteria.filter((c) => c.section === s.key)), [detail.set]);
  const [focused, setFocused] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  const save = useCommand('assessments.answer');
  const toast = useToasts((s) => s.show);

  const send = (criterion: Criterion, patch: Partial<Pick<AssessmentAnswer, 'answer' | 'confidence' | 'evidence' | 'links'>>) => {
    const current = answers.get(criterion.id);
    const answer = patch.answer ?? current?.answer;
    if (!answer) {
      toast({ tone: 'error', message: `Answer “${criterion.title}” first (y, p, n or a), then add its evidence or confidence.` });
      return;
    }
    save.mutate(
      {
        id: detail.assessment.id,
        answers: [
          {
            criterionId: criterion.id,
            answer,
            evidence: patch.evidence ?? current?.evidence ?? '',
            links: patch.links ?? current?.links ?? [],
            confidence: patch.confidence ?? current?.confidence ?? 'medium',
          },
        ],
      },
      { onError: (e) => toast({ tone: 'error', message: e.message }) },
    );
  };
  const move = (to: number) => {
    const next = Math.max(0, Math.min(ordered.length - 1, to));
    setFocused(next);
    rows.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, index: number, criterion: Criterion) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    if (key === 'arrowdown' || key === 'j') move(index + 1);
    else if (key === 'arrowup' || key === 'k') move(index - 1);
    else if (key === 'home') move(0);
    else if (key === 'end') move(ordered.length - 1);
    else if (!readOnly && ANSWER_KEYS[key]) send(criterion, { answer: ANSWER_KEYS[key] });
    else if (!readOnly && CONFIDENCE_KEYS[key]) send(criterion, { confidence: CONFIDENCE_KEYS[key] });
    else if (!readOnly && (key === 'e' || key === 'enter')) setEditing(criterion.id);
    else return;
    e.preventDefault();
  };

  let index = -1;
  return (
    <section className="mat-section mat-form" aria-labelledby="mat-form-title">
      <div className="mat-form__head">
        <h3 id="mat-form-title">Criteria</h3>
        <Progress label="Answered" answered={detail.progress.answered} total={detail.progress.total} />
      </div>
      {!readOnly && (
        <p className="muted mat-keys" id="mat-keys">
          Keys: <kbd>↑</kbd>/<kbd>↓</kbd> or <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>y</kbd> yes · <kbd>p</kbd> partly · <kbd>n</kbd> no ·{' '}
          <kbd>a</kbd> not applicable · <kbd>1</kbd>/<kbd>2</kbd>/<kbd>3</kbd> confidence low/medium/high · <kbd>e</kbd> evidence
        </p>
      )}
      {detail.set.sections.map((s) => {
        const progress = detail.progress.sections.find((p) => p.section === s.key);
        const criteria = detail.set.criteria.filter((c) => c.section === s.key);
        return (
          <section key={s.key} className="mat-form__section" aria-labelledby={`mat-section-${s.key}`}>
            <div className="mat-form__section-head">
              <h4 id={`mat-section-${s.key}`}>{s.name}</h4>
              <Progress label={s.name} answered={progress?.answered ?? 0} total={progress?.total ?? criteria.length} />
            </div>
            <ul className="mat-criteria" aria-label={`${s.name} criteria`}>
              {criteria.map((c) => {
                index += 1;
                const i = index;
                const given = answers.get(c.id);
                const check = checks.get(c.id);
                return (
                  <li
                    key={c.id}
                    ref={(node) => {
                      rows.current[i] = node;
                    }}
                    className={`mat-criterion${i === focused ? ' is-focused' : ''}${check?.verdict === 'contradicts' ? ' mat-criterion--contradicts' : ''}`}
                    tabIndex={i === focused ? 0 : -1}
                    aria-label={`${c.title} — ${given ? ANSWER_LABELS[given.answer] : 'not answered'}`}
                    aria-describedby={readOnly ? undefined : 'mat-keys'}
                    onFocus={(e) => {
                      if (e.target === e.currentTarget) setFocused(i);
                    }}
                    onKeyDown={(e) => onKeyDown(e, i, c)}
                  >
                    <div className="mat-criterion__main">
                      <p className="mat-criterion__title">{c.title}</p>
                      <p className="muted mat-criterion__descriptor">{c.descriptor}</p>
                      {check ? (
                        <p className={`mat-criterion__measured mat-criterion__measured--${check.verdict}`}>
                          <Badge tone={VERDICT[check.verdict].tone} strong={check.verdict === 'contradicts'}>
                            {VERDICT[check.verdict].label}
                          </Badge>{' '}
                          Keel measured: {check.message}
                        </p>
                      ) : (
                        <p className="mat-criterion__measured muted">Keel cannot measure this yet.</p>
                      )}
                      {given && (given.evidence || given.links.length > 0) && editing !== c.id && (
                        <p className="mat-criterion__evidence">
                          {given.evidence}
                          {given.links.map((l) => (
                            <span key={l}>
                              {' '}
                              <a href={l} target="_blank" rel="noreferrer">
                                {l}
                              </a>
                            </span>
                          ))}
                        </p>
                      )}
                      {editing === c.id && (
                        <EvidenceEditor
                          criterion={c}
                          given={given}
                          onSave={(evidence, links) => {
                            send(c, { evidence, links });
                            setEditing(null);
                            rows.current[i]?.focus();
                          }}
                          onCancel={() => {
                            setEditing(null);
                            rows.current[i]?.focus();
                          }}
                        />
                      )}
                    </div>
                    <div className="mat-criterion__controls">
                      {readOnly ? (
                        <span className="mat-criterion__answer">
                          {given ? ANSWER_LABELS[given.answer] : <span className="muted">Not answered</span>}
                          {given && <span className="muted"> · {CONFIDENCE_LABELS[given.confidence]} confidence</span>}
                        </span>
                      ) : (
                        <>
                          <fieldset className="ui-segmented mat-answer" aria-label={`Answer: ${c.title}`}>
                            {ANSWERS.map((a) => (
                              <button
                                key={a}
                                type="button"
                                tabIndex={-1}
                                aria-pressed={given?.answer === a}
                                className={given?.answer === a ? 'is-on' : ''}
                                onClick={() => send(c, { answer: a })}
                              >
                                {SHORT_ANSWER[a]}
                              </button>
                            ))}
                          </fieldset>
                          <select
                            tabIndex={-1}
                            aria-label={`Confidence: ${c.title}`}
                            value={given?.confidence ?? 'medium'}
                            disabled={!given}
                            onChange={(e) => send(c, { confidence: e.target.value as Confidence })}
                          >
                            {CONFIDENCES.map((x) => (
                              <option key={x} value={x}>
                                {CONFIDENCE_LABELS[x]} confidence
                              </option>
                            ))}
                          </select>
                          <button
                            type="button"
                            tabIndex={-1}
                            className="button button--small button--ghost"
                            disabled={!given}
                            onClick={() => setEditing(c.id)}
                          >
                            Evidence…
                          </button>
                        </>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function EvidenceEditor({
  criterion,
  given,
  onSave,
  onCancel,
}: {
  criterion: Criterion;
  given: AssessmentAnswer | undefined;
  onSave(evidence: string, links: string[]): void;
  onCancel(): void;
}) {
  const [evidence, setEvidence] = useState(given?.evidence ?? '');
  const [links, setLinks] = useState((given?.links ?? []).join('\n'));
  const id = `mat-evidence-${criterion.id}`;
  return (
    <form
      className="mat-evidence"
      aria-label={`Evidence: ${criterion.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(
          evidence,
          links
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== ''),
        );
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-text`}>Evidence</label>
      {/* biome-ignore lint/a11y/noAutofocus: the evidence editor opens on a key press and takes the focus */}
      <textarea id={`${id}-text`} rows={3} value={evidence} autoFocus onChange={(e) => setEvidence(e.target.value)} />
      <label htmlFor={`${id}-links`}>Links (https, one per line)</label>
      <textarea id={`${id}-links`} rows={2} value={links} onChange={(e) => setLinks(e.target.value)} />
      <div className="mat-evidence__actions">
        <button type="submit" className="button button--small button--primary">
          Save evidence
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Progress({ label, answered, total }: { label: string; answered: number; total: number }) {
  return (
    <span className="mat-progress">
      <progress value={answered} max={Math.max(1, total)} aria-label={`${label}: ${answered} of ${total} answered`} />
      <span className="muted">
        {answered}/{total}
      </span>
    </span>
  );
}
