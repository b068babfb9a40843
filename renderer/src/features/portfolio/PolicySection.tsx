import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToasts } from '@renderer/app/stores';
import { instantDay } from '@renderer/components/dates';
import { CheckboxGroup, FormFooter } from '@renderer/ui/fields';
import { EVIDENCE_KINDS, type EvidenceKind, type PromotionPolicy } from '@shared/portfolio/rules/policy';
import { AI_ACT_CATEGORIES, AI_ACT_CATEGORY_LABELS, RISK_TIER_LABELS, RISK_TIERS } from '@shared/portfolio/rules/vocabulary';
import { useState } from 'react';

const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  approval: 'Approval',
  independent_approval: 'Independent approval',
  evaluation_results: 'Evaluation results',
  training_data: 'Training data snapshot',
  fairness_test: 'Fairness / bias test',
  explainability_report: 'Explainability report',
  data_lineage: 'Data lineage',
  access_review: 'Access review',
  model_card: 'Complete model card',
};
const OPTIONS = EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_LABELS[k] }));
const words = (kinds: readonly EvidenceKind[]) =>
  kinds.length ? kinds.map((k) => EVIDENCE_LABELS[k].toLowerCase()).join(', ') : 'nothing';

/** The client's promotion policy: what each risk tier and EU AI Act category asks before production; a change is a new version. */
export function PolicySection({ clientId, archived }: { clientId: string; archived: boolean }) {
  const view = useProcedure('policy.get', { clientId });
  const [editing, setEditing] = useState(false);
  const p = view.data;
  if (!p) return null;
  return (
    <section className="history" aria-labelledby="promotion-policy">
      <h3 id="promotion-policy">Promotion policy</h3>
      <p className="muted">
        {p.version === 0
          ? 'Keel’s default: the client has no policy of its own.'
          : `“${p.policy.name}”, version ${p.version}, by ${p.createdBy ?? '—'} on ${p.createdAt ? instantDay(p.createdAt) : '—'}.`}{' '}
        A model needs what its risk tier asks and what its EU AI Act category asks.
      </p>
      {editing ? (
        <PolicyForm clientId={clientId} version={p.version} policy={p.policy} onDone={() => setEditing(false)} />
      ) : (
        <>
          <table className="policy-table">
            <tbody>
              {RISK_TIERS.map((t) => (
                <tr key={t}>
                  <th scope="row">{RISK_TIER_LABELS[t]} risk</th>
                  <td>{words(p.policy.evidence.riskTier[t])}</td>
                </tr>
              ))}
              {AI_ACT_CATEGORIES.map((c) => (
                <tr key={c}>
                  <th scope="row">EU AI Act: {AI_ACT_CATEGORY_LABELS[c]}</th>
                  <td>{words(p.policy.evidence.aiActCategory[c])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!archived && (
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              Change the policy
            </button>
          )}
        </>
      )}
    </section>
  );
}

function PolicyForm({ clientId, version, policy, onDone }: { clientId: string; version: number; policy: PromotionPolicy; onDone(): void }) {
  const [draft, setDraft] = useState<PromotionPolicy>(policy);
  const [error, setError] = useState<string | null>(null);
  const save = useCommand('policy.update');
  const toast = useToasts((s) => s.show);
  return (
    <form
      className="form form--boxed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // A change to Keel's default becomes the client's own policy, named as such.
        const name = version === 0 ? 'Client promotion policy' : draft.name;
        save
          .mutateAsync({ clientId, policy: { ...draft, name } })
          .then((saved) => {
            toast({ tone: 'info', message: `Saved the promotion policy as version ${saved.version}.` });
            onDone();
          })
          .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
      }}
    >
      <h3 className="form__title">Change the promotion policy</h3>
      {RISK_TIERS.map((t) => (
        <CheckboxGroup
          key={t}
          id={`policy-tier-${t}`}
          label={`${RISK_TIER_LABELS[t]} risk`}
          error={undefined}
          value={draft.evidence.riskTier[t]}
          options={OPTIONS}
          onChange={(v) => setDraft({ ...draft, evidence: { ...draft.evidence, riskTier: { ...draft.evidence.riskTier, [t]: v } } })}
          wide
        />
      ))}
      {AI_ACT_CATEGORIES.map((c) => (
        <CheckboxGroup
          key={c}
          id={`policy-category-${c}`}
          label={`EU AI Act: ${AI_ACT_CATEGORY_LABELS[c]}`}
          error={undefined}
          value={draft.evidence.aiActCategory[c]}
          options={OPTIONS}
          onChange={(v) =>
            setDraft({ ...draft, evidence: { ...draft.evidence, aiActCategory: { ...draft.evidence.aiActCategory, [c]: v } } })
          }
          wide
        />
      ))}
      <FormFooter error={error} saving={save.isPending} submitLabel="Save as a new version" onCancel={onDone} />
    </form>
  );
}
