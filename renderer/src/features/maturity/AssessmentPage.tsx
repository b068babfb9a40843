import { CallError, unwrap, useCommand, useKeel, useProcedure } from '@renderer/api/queries';
import { useNav, useToasts } from '@renderer/app/stores';
import { day, instant } from '@renderer/components/dates';
import { openPrintable, saveBase64File } from '@renderer/components/download';
import { Badge } from '@renderer/ui/Badge';
import { askConfirm } from '@renderer/ui/ConfirmDialog';
import type { AssessmentDetail } from '@shared/maturity/contract/assessments';
import { useState } from 'react';
import { CriteriaForm } from './CriteriaForm';
import { CrossCheckList } from './CrossCheckList';

/** One assessment: who, when, on which framework version; its computed levels; the form; finalise, correct, export. */
export function AssessmentPage({ id }: { id: string }) {
  const detail = useProcedure('assessments.get', { id });
  const { go } = useNav();
  if (detail.isPending) return <p className="muted">Loading…</p>;
  if (detail.error) {
    return (
      <div role="alert">
        <p>{detail.error.message}</p>
        <button type="button" className="button" onClick={() => go({ area: 'maturity', recordId: null })}>
          Back to the assessments
        </button>
      </div>
    );
  }
  return <AssessmentBody detail={detail.data} />;
}

function AssessmentBody({ detail }: { detail: AssessmentDetail }) {
  const a = detail.assessment;
  const { go } = useNav();
  const final = a.status === 'final';
  return (
    <article className="mat-assessment" aria-labelledby="mat-assessment-title">
      <button type="button" className="link mat-back" onClick={() => go({ area: 'maturity', recordId: null })}>
        ← {a.clientName}: all assessments
      </button>
      <header className="mat-assessment__head">
        <div>
          <h2 id="mat-assessment-title">
            Assessment of {day(a.assessedOn)}{' '}
            <Badge tone={final ? 'ok' : 'info'} strong>
              {final ? 'Final' : 'Draft'}
            </Badge>
          </h2>
          <dl className="mat-facts">
            <dt>Client</dt>
            <dd>
              {a.clientName}
              {a.engagementName ? ` · ${a.engagementName}` : ''}
            </dd>
            <dt>Assessor</dt>
            <dd>{a.assessorName}</dd>
            <dt>Participants</dt>
            <dd>{a.participantNames.join(', ') || <span className="muted">none recorded</span>}</dd>
            <dt>Framework</dt>
            <dd>
              {a.frameworkName}{' '}
              <span className="muted">
                ({a.frameworkRef}, copy {a.frameworkHash.slice(0, 12)})
              </span>
            </dd>
            {final && a.finalisedAt && (
              <>
                <dt>Finalised</dt>
                <dd>{instant(a.finalisedAt)}</dd>
              </>
            )}
            {a.correctsId && (
              <>
                <dt>Corrects</dt>
                <dd>
                  <button type="button" className="link" onClick={() => go({ area: 'maturity', recordId: a.correctsId })}>
                    an earlier assessment
                  </button>{' '}
                  — {a.correctionReason}
                </dd>
              </>
            )}
          </dl>
          {detail.correctedBy && (
            <p className="mat-flag" role="status">
              <Badge tone="attention">Corrected</Badge> by the assessment of{' '}
              <button type="button" className="link" onClick={() => go({ area: 'maturity', recordId: detail.correctedBy?.id ?? null })}>
                {day(detail.correctedBy.assessedOn)}
              </button>
              .
            </p>
          )}
        </div>
        <Actions detail={detail} />
      </header>
      <LevelsPanel detail={detail} />
      {detail.contradictions > 0 && (
        <section className="mat-section" aria-labelledby="mat-assessment-cross">
          <h3 id="mat-assessment-cross">
            <Badge tone="critical" strong>
              {detail.contradictions} {detail.contradictions === 1 ? 'contradiction' : 'contradictions'}
            </Badge>{' '}
            with Keel’s data
          </h3>
          <CrossCheckList checks={detail.crossChecks.filter((c) => c.verdict === 'contradicts')} criteria={detail.set.criteria} />
        </section>
      )}
      <CriteriaForm key={detail.assessment.id} detail={detail} />
    </article>
  );
}

function LevelsPanel({ detail }: { detail: AssessmentDetail }) {
  return (
    <section className="mat-section mat-levels" aria-labelledby="mat-levels-title">
      <h3 id="mat-levels-title">Levels {detail.assessment.status === 'draft' ? '(as answered so far)' : ''}</h3>
      <div className="mat-levels__grid">
        {detail.levels.map((l) => (
          <div key={l.framework} className="mat-levels__framework">
            <h4>
              {l.frameworkName}: overall <strong>{l.overall}</strong> — {l.overallName}
            </h4>
            <p className="muted">The overall level is {l.overallRule}.</p>
            <table className="table mat-table" aria-label={`${l.frameworkName} levels`}>
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col">Level</th>
                  <th scope="col">What blocks the next level</th>
                </tr>
              </thead>
              <tbody>
                {l.dimensions.map((d) => (
                  <tr key={d.dimension}>
                    <th scope="row">{d.dimensionName}</th>
                    <td>
                      {d.level} — {d.levelName}
                    </td>
                    <td>
                      {d.next ? (
                        <details>
                          <summary>
                            Level {d.next.level} blocked by <strong className="mat-blocker">{d.next.blockers[0]?.title}</strong>
                            {d.next.blockers.length > 1 ? ` and ${d.next.blockers.length - 1} more` : ''}
                          </summary>
                          <ul>
                            {d.next.blockers.map((b) => (
                              <li key={b.criterionId}>
                                <strong>{b.title}</strong>{' '}
                                <span className="muted">({b.answer ? `answered ${b.answer.replace('_', ' ')}` : 'not answered'})</span>
                                <br />
                                {b.descriptor}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : (
                        <span className="muted">Top level reached</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}

function Actions({ detail }: { detail: AssessmentDetail }) {
  const a = detail.assessment;
  const client = useKeel();
  const { go } = useNav();
  const toast = useToasts((s) => s.show);
  const finalise = useCommand('assessments.finalise');
  const remove = useCommand('assessments.delete');
  const create = useCommand('assessments.create');
  const [busy, setBusy] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const unanswered = detail.progress.total - detail.progress.answered;

  const doFinalise = async () => {
    const yes = await askConfirm({
      title: `Finalise the assessment of ${day(a.assessedOn)}?`,
      message:
        (unanswered > 0 ? `${unanswered} of ${detail.progress.total} criteria are unanswered and count as not met. ` : '') +
        'A final assessment cannot change; a correction will be a new assessment that cites it.',
      confirmLabel: 'Finalise',
    });
    if (!yes) return;
    finalise.mutate(
      { id: a.id },
      {
        onSuccess: () => toast({ tone: 'info', message: `The assessment of ${day(a.assessedOn)} is final.` }),
        onError: (e) => setError(e.message),
      },
    );
  };
  const doDelete = async () => {
    const yes = await askConfirm({
      title: `Delete the draft of ${day(a.assessedOn)}?`,
      message: `Its ${detail.progress.answered} answers go with it. The audit log keeps a record of the deletion.`,
      confirmLabel: 'Delete draft',
      tone: 'danger',
    });
    if (!yes) return;
    remove.mutate({ id: a.id }, { onSuccess: () => go({ area: 'maturity', recordId: null }), onError: (e) => setError(e.message) });
  };
  const doCorrect = () => {
    setError(null);
    create.mutate(
      {
        clientId: a.clientId,
        engagementId: a.engagementId,
        assessedOn: a.assessedOn,
        assessor: a.assessor,
        participants: a.participants,
        frameworks: a.frameworks,
        overallRule: a.overallRule,
        corrects: { assessmentId: a.id, reason },
      },
      {
        onSuccess: (d) => {
          setCorrecting(false);
          go({ area: 'maturity', recordId: d.assessment.id });
        },
        onError: (e) => setError(e instanceof CallError ? e.message : String(e)),
      },
    );
  };
  const exportScorecard = async () => {
    setBusy('xlsx');
    try {
      const file = await unwrap(client, 'assessments.scorecard', { id: a.id });
      saveBase64File(file.fileName, file.base64);
      toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KiB).` });
    } catch (e) {
      toast({ tone: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  const exportPdf = async () => {
    setBusy('pdf');
    try {
      const file = await unwrap(client, 'assessments.summaryPdf', { id: a.id });
      if (file.kind === 'pdf') {
        saveBase64File(file.fileName, file.base64);
        toast({ tone: 'info', message: `Exported ${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KiB).` });
      } else if (openPrintable(file.html)) {
        toast({ tone: 'info', message: 'The summary opened in a new tab: print it there and choose “Save as PDF”.' });
      } else {
        toast({ tone: 'error', message: 'The browser blocked the new tab; allow pop-ups for Keel and try again.' });
      }
    } catch (e) {
      toast({ tone: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="mat-actions">
      <div className="mat-actions__row">
        {a.status === 'draft' ? (
          <>
            <button type="button" className="button button--primary" disabled={finalise.isPending} onClick={() => void doFinalise()}>
              Finalise
            </button>
            <button type="button" className="button button--ghost" disabled={remove.isPending} onClick={() => void doDelete()}>
              Delete draft
            </button>
          </>
        ) : (
          !detail.correctedBy && (
            <button type="button" className="button" onClick={() => setCorrecting(true)}>
              Correct this assessment
            </button>
          )
        )}
        <button type="button" className="button" disabled={busy !== null} onClick={() => void exportScorecard()}>
          {busy === 'xlsx' ? 'Preparing…' : 'Scorecard (workbook)'}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void exportPdf()}>
          {busy === 'pdf' ? 'Preparing…' : 'Summary (PDF)'}
        </button>
      </div>
      {correcting && (
        <form
          className="mat-correct"
          aria-label="Correct this assessment"
          onSubmit={(e) => {
            e.preventDefault();
            doCorrect();
          }}
        >
          <label htmlFor="mat-correct-reason">What is wrong with it?</label>
          <input id="mat-correct-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Start the correction
          </button>
          <button type="button" className="button button--ghost" onClick={() => setCorrecting(false)}>
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
