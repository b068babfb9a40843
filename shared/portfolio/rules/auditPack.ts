import type { AuditAction } from '@shared/kernel/audit';
import { dateLabel } from '@shared/kernel/dates';
import { escapeHtml, factsHtml, printDocument, tableHtml } from '@shared/kernel/printDocument';
import { labelOf } from '@shared/kernel/validate';
import type { ModelCard } from './card';
import { cardPartHtml } from './cardHtml';
import { ALIAS_LABELS, type Alias } from './deployments';
import { joinWords } from './lifecycle';
import { type ApprovalDecision, ATTACHED_EVIDENCE_LABELS, type AttachedEvidence, EVIDENCE_NEEDS, type EvidenceKind } from './policy';
import { STAGE_LABELS, STAGES, type Stage } from './vocabulary';

/**
 * The audit pack of one model, as a printed document: its card, its version
 * history with every approval decision, the deployment timeline (rollbacks
 * marked), the stage history, and the audit trail of its records — each part
 * on pages of its own.
 */
export type AuditPackFacts = {
  card: ModelCard;
  policyVersion: number;
  /** Newest first. */
  versions: readonly {
    label: string;
    builtByName: string;
    registeredOn: string;
    trainingData: string;
    evaluations: readonly { metric: string; value: number; dataset: string }[];
    evidence: readonly { kind: AttachedEvidence; text: string; link: string }[];
    notes: string;
    missing: readonly EvidenceKind[];
    approvals: readonly {
      approverName: string;
      decision: ApprovalDecision;
      decidedOn: string;
      evidenceText: string;
      evidenceLink: string;
      conditions: string;
    }[];
  }[];
  /** Newest first. */
  deployments: readonly {
    versionLabel: string;
    alias: Alias;
    trafficPercent: number | null;
    environmentName: string;
    production: boolean;
    from: string;
    to: string | null;
    rollbackReason: string;
  }[];
  /** Oldest first. */
  transitions: readonly { on: string; fromStage: Stage | null; toStage: Stage; reason: string; actor: string; createdAt: string }[];
  daysPerStage: Record<Stage, number>;
  /** Newest first. */
  audit: readonly {
    at: string;
    actor: string;
    entityLabel: string;
    label: string;
    action: AuditAction;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
  /** Set when the trail was longer than the pack holds: how many entries it shows. */
  auditCut: number | null;
};

/** How the pack names what an audit entry did. */
export const AUDIT_ACTION_WORDS: Record<AuditAction, string> = {
  create: 'created',
  update: 'changed',
  archive: 'archived',
  restore: 'restored',
  cancel: 'cancelled',
  delete: 'deleted',
  import: 'loaded',
  approve: 'approved',
  reopen: 'reopened',
  issue: 'issued',
  fulfil: 'fulfilled',
};

const DECISIONS: Record<ApprovalDecision, string> = {
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  rejected: 'Rejected',
};

/** An instant as the pack prints it: the day and the time in UTC. */
export const instantLabel = (at: string) => `${dateLabel(at.slice(0, 10))} ${at.slice(11, 16)} UTC`;

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IGNORED = new Set(['id', 'createdAt', 'updatedAt']);
const MAX_VALUE = 160;

/** A recorded value in words: dates as dates, instants with their time, lists joined, never a raw id. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (ID_RE.test(value)) return 'a record';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateLabel(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return instantLabel(value);
    return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
  }
  if (Array.isArray(value))
    return valueText(value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', '));
  if (typeof value === 'object') return valueText(JSON.stringify(value));
  return String(value);
}

/** What an audit entry changed: the fields that differ (a creation lists what was recorded). */
export function changeText(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !IGNORED.has(k));
  const isId = (v: unknown) => typeof v === 'string' && ID_RE.test(v);
  const lines = keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    // A record's id says nothing to a reader: a creation leaves it out, a change names it.
    .filter((k) => (before && after) || !isId(before?.[k] ?? after?.[k]))
    .map((k) => {
      const field = labelOf(k);
      if (!before) return `${field}: ${valueText(after?.[k])}`;
      if (!after) return `${field}: was ${valueText(before[k])}`;
      if (isId(before[k]) || isId(after[k])) return `${field}: changed`;
      return `${field}: ${valueText(before[k])} → ${valueText(after[k])}`;
    });
  return lines.length === 0 ? 'no field changed' : lines.join('\n');
}

function versionsPart(facts: AuditPackFacts): string {
  const intro = `<h1>Version history and approvals</h1><p class="lede">${escapeHtml(
    facts.policyVersion === 0
      ? 'Judged against Keel’s default promotion policy.'
      : `Judged against the client’s promotion policy, version ${facts.policyVersion}.`,
  )}</p>`;
  if (facts.versions.length === 0) return `${intro}<p class="note">No version registered.</p>`;
  return (
    intro +
    facts.versions
      .map((v) => {
        const facts = factsHtml([
          { label: 'Built by', value: v.builtByName },
          { label: 'Registered on', value: dateLabel(v.registeredOn) },
          { label: 'Training data', value: v.trainingData || 'Not recorded' },
          {
            label: 'Evaluation',
            value:
              v.evaluations.length === 0
                ? 'None recorded'
                : v.evaluations.map((e) => `${e.metric} = ${e.value} on ${e.dataset}`).join('\n'),
          },
          {
            label: 'Evidence',
            value:
              v.evidence.length === 0
                ? 'None attached'
                : v.evidence
                    .map((e) => `${ATTACHED_EVIDENCE_LABELS[e.kind] ?? e.kind}: ${e.text}${e.link ? ` (${e.link})` : ''}`)
                    .join('\n'),
          },
          {
            label: 'Promotion policy',
            value: v.missing.length === 0 ? 'Meets it' : `Lacks ${joinWords(v.missing.map((k) => EVIDENCE_NEEDS[k]))}`,
          },
          ...(v.notes ? [{ label: 'Notes', value: v.notes }] : []),
        ]);
        const approvals =
          v.approvals.length === 0
            ? '<p class="note">No approval decision recorded.</p>'
            : tableHtml(
                ['Decided on', 'Decision', 'Approver', 'Evidence', 'Conditions'],
                v.approvals.map((a) => [
                  dateLabel(a.decidedOn),
                  DECISIONS[a.decision],
                  a.approverName,
                  [a.evidenceText, a.evidenceLink].filter(Boolean).join('\n'),
                  a.conditions,
                ]),
              );
        return `<section><h2>Version ${escapeHtml(v.label)}</h2>${facts}<h3>Approvals</h3>${approvals}</section>`;
      })
      .join('')
  );
}

function deploymentsPart(facts: AuditPackFacts): string {
  const intro = '<h1>Deployment timeline</h1>';
  if (facts.deployments.length === 0) return `${intro}<p class="note">Never deployed.</p>`;
  const rollbacks = facts.deployments.filter((d) => d.rollbackReason !== '').length;
  return `${intro}<p class="lede">${escapeHtml(
    `${facts.deployments.length} ${facts.deployments.length === 1 ? 'deployment' : 'deployments'}, newest first; ${
      rollbacks === 0 ? 'no rollback' : `${rollbacks} ${rollbacks === 1 ? 'rollback' : 'rollbacks'}, marked`
    }.`,
  )}</p>${tableHtml(
    ['Version', 'Alias', 'Environment', 'From', 'To', 'Rollback'],
    facts.deployments.map((d) => [
      d.versionLabel,
      d.alias === 'canary' && d.trafficPercent !== null ? `${ALIAS_LABELS[d.alias]} (${d.trafficPercent}%)` : ALIAS_LABELS[d.alias],
      d.production ? `${d.environmentName} (production)` : d.environmentName,
      instantLabel(d.from),
      d.to === null ? 'still serving' : instantLabel(d.to),
      d.rollbackReason ? `Rollback: ${d.rollbackReason}` : '',
    ]),
  )}`;
}

function stagesPart(facts: AuditPackFacts): string {
  return `<h1>Stage history</h1>${factsHtml(
    STAGES.map((s) => ({ label: STAGE_LABELS[s], value: `${facts.daysPerStage[s]} ${facts.daysPerStage[s] === 1 ? 'day' : 'days'}` })),
  )}${tableHtml(
    ['On', 'Change', 'Reason', 'Recorded'],
    facts.transitions.map((t) => [
      dateLabel(t.on),
      t.fromStage === null ? `Registered as ${STAGE_LABELS[t.toStage]}` : `${STAGE_LABELS[t.fromStage]} → ${STAGE_LABELS[t.toStage]}`,
      t.reason,
      `${t.actor}, ${instantLabel(t.createdAt)}`,
    ]),
  )}`;
}

function auditPart(facts: AuditPackFacts): string {
  const cut =
    facts.auditCut === null ? '' : `<p class="warning">${escapeHtml(`The newest ${facts.auditCut} entries of a longer trail.`)}</p>`;
  return `<h1>Audit trail</h1><p class="lede">${escapeHtml(
    'Every recorded change to the model and its stage changes, card, versions, approvals and deployments, newest first.',
  )}</p>${cut}${
    facts.audit.length === 0
      ? '<p class="note">Nothing recorded.</p>'
      : tableHtml(
          ['When', 'Who', 'Record', 'Change'],
          facts.audit.map((a) => [
            instantLabel(a.at),
            a.actor,
            `${a.entityLabel} ${AUDIT_ACTION_WORDS[a.action]}\n${a.label}`,
            changeText(a.before, a.after),
          ]),
        )
  }`;
}

/** The whole audit pack: one self-contained page, each part on pages of its own. */
export function auditPackHtml(facts: AuditPackFacts, generatedAt: string): string {
  const name = facts.card.modelName;
  return printDocument({
    title: `Audit pack – ${name}`,
    subject: `Audit pack: ${name}`,
    owner: facts.card.clientName,
    generatedAt,
    parts: [cardPartHtml(facts.card), versionsPart(facts), deploymentsPart(facts), stagesPart(facts), auditPart(facts)],
  });
}
