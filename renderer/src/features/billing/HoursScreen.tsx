import { useProcedure } from '@renderer/api/queries';
import { useNav, whenDiscarded } from '@renderer/app/stores';
import { SampleDataOffer } from '@renderer/components/SampleDataOffer';
import { Tabs } from '@renderer/ui/Tabs';
import type { ReferenceData } from '@shared/kernel/reference';
import { InvoicesView } from './finance/InvoicesView';
import { MonthCloseView } from './finance/MonthCloseView';
import { RatesView } from './finance/RatesView';
import { type HoursView, useHours } from './hoursStore';
import { MonthGridView } from './timesheet/MonthGridView';
import { WeekTimesheet } from './timesheet/WeekTimesheet';

const VIEWS: { id: HoursView; label: string }[] = [
  { id: 'timesheet', label: 'Timesheet' },
  { id: 'month', label: 'Month view' },
  { id: 'close', label: 'Month close' },
  { id: 'invoices', label: 'Invoices' },
  { id: 'rates', label: 'Rates & terms' },
];

/** Hours & billing: weekly timesheets, the manager's month view, the month close, invoices, rates. */
export function HoursScreen({ reference }: { reference: ReferenceData }) {
  const hours = useHours();
  const { go } = useNav();
  const info = useProcedure('app.info', {});
  return (
    <div className="screen screen--wide">
      <header className="screen__header">
        <div>
          <h1>Hours &amp; billing</h1>
          <p className="screen__lede">Timesheets by week, the month’s review and close, invoices, and the rates they are billed at.</p>
        </div>
      </header>
      {info.data?.canLoadSample ? (
        <SampleDataOffer
          what="hours"
          createLabel="Add a specialist to log hours for"
          onCreate={() => go({ area: 'specialists', recordId: 'new' })}
        />
      ) : (
        <Tabs label="Hours and billing views" tabs={VIEWS} selected={hours.view} onSelect={(id) => whenDiscarded(() => hours.setView(id))}>
          {hours.view === 'timesheet' && <WeekTimesheet reference={reference} />}
          {hours.view === 'month' && <MonthGridView />}
          {hours.view === 'close' && <MonthCloseView />}
          {hours.view === 'invoices' && <InvoicesView />}
          {hours.view === 'rates' && <RatesView reference={reference} />}
        </Tabs>
      )}
    </div>
  );
}
