import { CallError, useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { useNav } from '@renderer/app/stores';
import { day } from '@renderer/components/dates';
import { Badge } from '@renderer/ui/Badge';
import { Drawer } from '@renderer/ui/Drawer';
import { EmptyState } from '@renderer/ui/EmptyState';
import { DateField } from '@renderer/ui/fields';
import type { FieldIssue } from '@shared/contract';
import { FRAMEWORK_KEYS, type FrameworkKey, OVERALL_RULE_LABELS, OVERALL_RULES, type OverallRule } from '@shared/maturity/rules/vocabulary';
import { useState } from 'react';

const SHORT: Record<FrameworkKey, string> = { microsoft: 'Microsoft', google: 'Google' };

/** A client's assessments, newest first, with their computed levels; a new one starts from here. */
export function AssessmentsView({
  clientId,
  creating,
  onCreating,
}: {
  clientId: string;
  creating: boolean;
  onCreating(open: boolean): void;
}) {
  const list = useProcedure('assessments.list', { clientId });
  const { go } = useNav();
  const rows = list.data?.rows ?? [];
  return (
    <div className="mat-assessments">
      <div className="mat-toolbar">
        <button type="button" className="button button--primary" onClick={() => onCreating(true)}>
          New assessment
        </button>
      </div>
      {list.error && <p role="alert">{list.error.message}</p>}
      {list.isSuccess && rows.length === 0 ? (
        <EmptyState title="No assessment yet">Start one: answer the criteria with evidence, and the levels follow.</EmptyState>
      ) : (
        <table className="table mat-table" aria-label="Assessments">
          <thead>
            <tr>
              <th scope="col">Assessed on</th>
              <th scope="col">Status</th>
              <th scope="col">Levels</th>
              <th scope="col">Answered</th>
              <th scope="col">Assessor</th>
              <th scope="col">Engagement</th>
              <th scope="col">Framework</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => go({ area: 'maturity', recordId: a.id })}>
                    {day(a.assessedOn)}
                  </button>
                </th>
                <td>
                  <Badge tone={a.status === 'final' ? 'ok' : 'info'}>{a.status === 'final' ? 'Final' : 'Draft'}</Badge>
                  {a.correctsId && <span className="muted"> corrects an earlier one</span>}
                </td>
                <td>
                  {a.levels.map((l) => (
                    <span key={l.framework} className="mat-levels-brief">
                      {SHORT[l.framework]} {l.overall} <span className="muted">({l.dimensions.map((d) => d.level).join('·')})</span>
                    </span>
                  ))}
                </td>
                <td>
                  {a.answered}/{a.total}
                </td>
                <td>{a.assessorName}</td>
                <td>{a.engagementName ?? <span className="muted">whole client</span>}</td>
                <td className="muted">{a.frameworkRef}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <NewAssessmentDrawer clientId={clientId} latestId={rows[0]?.id ?? null} onClose={() => onCreating(false)} />}
    </div>
  );
}

function NewAssessmentDrawer({ clientId, latestId, onClose }: { clientId: string; latestId: string | null; onClose(): void }) {
  const today = useToday();
  const { go } = useNav();
  const specialists = useProcedure('specialists.list', { archived: 'active', sort: 'fullName', direction: 'asc' });
  const contacts = useProcedure('contacts.list', { clientId });
  const engagements = useProcedure('engagements.list', { clientId, archived: 'active', sort: 'startDate', direction: 'asc' });
  const create = useCommand('assessments.create');
  const [assessedOn, setAssessedOn] = useState(today);
  const [assessor, setAssessor] = useState('');
  const [engagementId, setEngagementId] = useState('');
  const [participants, setParticipants] = useState<string[]>([]);
  const [frameworks, setFrameworks] = useState<FrameworkKey[]>(['microsoft', 'google']);
  const [overallRule, setOverallRule] = useState<OverallRule>('lowest');
  const [copy, setCopy] = useState(latestId !== null);
  const [notes, setNotes] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const issue = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

  const submit = () => {
    setIssues([]);
    setMessage(null);
    const [kind, id] = assessor.split(':');
    create.mutate(
      {
        clientId,
        engagementId: engagementId || null,
        assessedOn,
        assessor: { kind: kind === 'contact' ? 'contact' : 'specialist', id: id ?? '' },
        participants,
        frameworks,
        overallRule,
        notes,
        copyAnswersFrom: copy ? latestId : null,
      },
      {
        onSuccess: (detail) => {
          onClose();
          go({ area: 'maturity', recordId: detail.assessment.id });
        },
        onError: (e) => {
          setMessage(e.message);
          if (e instanceof CallError) setIssues(e.error.issues ?? []);
        },
      },
    );
  };

  return (
    <Drawer title="New assessment" onClose={onClose}>
      <form
        className="form"
        aria-label="New assessment"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <DateField id="mat-assessed-on" label="Assessed on" value={assessedOn} onChange={setAssessedOn} error={issue('assessedOn')} />
        <div className={`field${issue('assessor') ? ' field--error' : ''}`}>
          <label htmlFor="mat-assessor">Assessor</label>
          <select id="mat-assessor" value={assessor} onChange={(e) => setAssessor(e.target.value)}>
            <option value="" disabled>
              Choose who assesses
            </option>
            <optgroup label="Specialists">
              {(specialists.data?.rows ?? []).map((s) => (
                <option key={s.id} value={`specialist:${s.id}`}>
                  {s.fullName}
                </option>
              ))}
            </optgroup>
            <optgroup label="The client’s contacts">
              {(contacts.data?.rows ?? []).map((c) => (
                <option key={c.id} value={`contact:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </select>
          {issue('assessor') && <p className="field__error">Assessor {issue('assessor')}</p>}
        </div>
        <div className="field">
          <label htmlFor="mat-engagement">Engagement</label>
          <select id="mat-engagement" value={engagementId} onChange={(e) => setEngagementId(e.target.value)}>
            <option value="">The whole client</option>
            {(engagements.data?.rows ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field field--wide mat-choices">
          <legend>Participants</legend>
          {(contacts.data?.rows ?? []).length === 0 && <p className="muted">The client has no contacts on record.</p>}
          {(contacts.data?.rows ?? []).map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={participants.includes(c.id)}
                onChange={(e) => setParticipants(e.target.checked ? [...participants, c.id] : participants.filter((p) => p !== c.id))}
              />{' '}
              {c.name}
              {c.title ? <span className="muted"> — {c.title}</span> : null}
            </label>
          ))}
        </fieldset>
        <fieldset className={`field mat-choices${issue('frameworks') ? ' field--error' : ''}`}>
          <legend>Frameworks</legend>
          {FRAMEWORK_KEYS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={frameworks.includes(k)}
                onChange={(e) =>
                  setFrameworks(
                    e.target.checked ? FRAMEWORK_KEYS.filter((x) => x === k || frameworks.includes(x)) : frameworks.filter((x) => x !== k),
                  )
                }
              />{' '}
              {k === 'microsoft' ? 'Microsoft (5 levels, 4 dimensions)' : 'Google Cloud (3 levels)'}
            </label>
          ))}
          {issue('frameworks') && <p className="field__error">Frameworks {issue('frameworks')}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor="mat-rule">Overall level</label>
          <select id="mat-rule" value={overallRule} onChange={(e) => setOverallRule(e.target.value as OverallRule)}>
            {OVERALL_RULES.map((r) => (
              <option key={r} value={r}>
                {OVERALL_RULE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        {latestId && (
          <label className="field field--wide mat-inline">
            <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} /> Start from the latest assessment’s answers
          </label>
        )}
        <div className="field field--wide">
          <label htmlFor="mat-notes">Notes</label>
          <textarea id="mat-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        {message && (
          <p className="form__error" role="alert">
            {message}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Start assessment
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Drawer>
  );
}
