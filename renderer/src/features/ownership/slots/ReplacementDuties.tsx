import { useProcedure } from '@renderer/api/queries';
import type { Slots } from '@renderer/app/slots';
import { day } from '@renderer/components/dates';
import { DutiesTable } from './DutiesTable';
import { countDuties, dutiesOn, dutiesSummary, dutiesWord } from './holdings';
import './slots.css';

/**
 * What the outgoing specialist of a replacement request holds on its engagement: in the request's
 * drawer as of today, and beside the fulfil form's hand-over choice as of the replacement's start.
 */
export function ReplacementDuties({ engagementId, specialistId, asOf, context }: Slots['replacement.duties']) {
  const load = useProcedure('ownership.personLoad', { person: { kind: 'specialist', id: specialistId }, asOf });
  if (load.error) return <p className="own-slot__error">Could not read the ownership matrix: {load.error.message}</p>;
  if (!load.data) return <p className="muted own-slot__loading">Reading the ownership matrix…</p>;
  const name = load.data.person.name;
  const held = dutiesOn(load.data, engagementId);
  const counts = countDuties(held);
  const title = `Duties ${name} holds on this engagement`;

  if (context === 'fulfil') {
    if (counts.total === 0) {
      return (
        <p className="form__note own-slot__note">
          {name} holds no duties on this engagement in the ownership matrix: nothing to hand over.
        </p>
      );
    }
    return (
      <div className="own-slot own-slot--fulfil">
        <p className="form__note own-slot__note">
          {name} holds <strong>{dutiesWord(counts.total)}</strong> on this engagement on {day(asOf)}
          {counts.accountable > 0 && (
            <>
              , <strong>{counts.accountable} Accountable</strong>
            </>
          )}
          . Ticked, the replacement holds them from the start date and {name}’s end the day before.
        </p>
        <details className="own-slot__details">
          <summary>
            Show the {dutiesWord(counts.total)} {name} hands over
          </summary>
          <DutiesTable duties={held} label={title} />
        </details>
      </div>
    );
  }

  return (
    <section className="own-slot" aria-label={title}>
      <h3 className="own-slot__heading">
        {title}
        <span className="own-slot__count">{counts.total === 0 ? 'none' : dutiesSummary(counts)}</span>
      </h3>
      {counts.total === 0 ? (
        <p className="muted">
          Nothing in the ownership matrix names {name} on this engagement on {day(asOf)}.
        </p>
      ) : (
        <>
          <p className="muted own-slot__lede">
            On {day(asOf)}.{' '}
            {counts.accountable > 0
              ? `${counts.accountable === 1 ? 'One needs' : `${counts.accountable} need`} a new Accountable when ${name} leaves; fulfilling the request can hand them all to the replacement.`
              : 'Fulfilling the request can hand them to the replacement.'}
          </p>
          <DutiesTable duties={held} label={title} />
        </>
      )}
    </section>
  );
}
