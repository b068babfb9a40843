import { type ReactNode, useState } from 'react';

/**
 * A chart with its figures as a table on request: the chart is a focusable image described in words (what a screen
 * reader reads), the table carries the same description as its caption. `table` is the table's head and body.
 */
export function ChartOrTable({ description, chart, table }: { description: string; chart: ReactNode; table: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <div className="ui-chart">
      <button type="button" className="link ui-chart__toggle" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
        {asTable ? 'Show chart' : 'Show table'}
      </button>
      {asTable ? (
        <table className="data-table">
          <caption className="ui-visually-hidden">{description}</caption>
          {table}
        </table>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart is focusable so a keyboard user can reach its description
        <div className="ui-chart__figure" role="img" aria-label={description} tabIndex={0}>
          {chart}
        </div>
      )}
    </div>
  );
}
