import { useProcedure } from '@renderer/api/queries';
import { useNav } from '@renderer/app/stores';
import type { ReferenceData } from '@shared/kernel/reference';
import { useHours } from '../hoursStore';
import { BillingSettingsForm } from './BillingSettingsForm';
import { vatPercent } from './format';
import { RatesSection } from './RatesSection';
import { SpecialistCaps } from './SpecialistCaps';
import { TermsForm } from './TermsForm';
import './billing.css';

/** An engagement's billing terms and rates, and the settings every invoice uses. */
export function RatesView({ reference }: { reference: ReferenceData }) {
  const { engagementId, setEngagement } = useHours();
  const engagements = useProcedure('engagements.list', { archived: 'active', sort: 'clientName', direction: 'asc' });
  const rows = engagements.data?.rows ?? [];
  // The engagement last worked on (in any tab), else the first one.
  const chosen = rows.find((e) => e.id === engagementId) ?? rows[0] ?? null;

  return (
    <section aria-label="Rates and terms">
      <div className="toolbar">
        <label className="toolbar__label" htmlFor="rates-engagement">
          Engagement
        </label>
        <select id="rates-engagement" className="rates-picker" value={chosen?.id ?? ''} onChange={(e) => setEngagement(e.target.value)}>
          {rows.map((e) => (
            <option key={e.id} value={e.id}>
              {e.clientName} — {e.name} ({e.currency})
            </option>
          ))}
        </select>
      </div>
      {engagements.error && <p className="list-status list-status--error">{engagements.error.message}</p>}
      {chosen ? (
        <EngagementTerms engagementId={chosen.id} clientId={chosen.clientId} reference={reference} />
      ) : (
        engagements.data && <p className="list-empty">No current engagement: create one under Engagements to give it rates.</p>
      )}
      <BillingSettingsForm />
    </section>
  );
}

function EngagementTerms({ engagementId, clientId, reference }: { engagementId: string; clientId: string; reference: ReferenceData }) {
  const terms = useProcedure('billing.terms', { engagementId });
  const go = useNav((s) => s.go);
  if (terms.error) return <p className="notice notice--bad">{terms.error.message}</p>;
  if (!terms.data) return <p className="list-status">Loading…</p>;
  const t = terms.data;
  return (
    <div className="rates-layout">
      <div className="rates-layout__side">
        <section className="billing-card" aria-label="Terms">
          <h2 className="billing-card__title">Terms</h2>
          <TermsForm key={`${t.engagementId}:${t.roundingMinutes}:${t.monthlyCapMinutes}:${t.updatedAt}`} terms={t} />
          <div className="vat-readonly">
            <span className="vat-readonly__label">Client VAT</span>
            <strong>{vatPercent(t.vatBasisPoints)}</strong>
            <span className="muted">
              set on the client {t.clientName}; it applies to all its engagements.{' '}
              <button type="button" className="link" onClick={() => go({ area: 'clients', recordId: clientId })}>
                Edit the client
              </button>
            </span>
          </div>
        </section>
        <SpecialistCaps terms={t} />
      </div>
      <RatesSection terms={t} reference={reference} />
    </div>
  );
}
