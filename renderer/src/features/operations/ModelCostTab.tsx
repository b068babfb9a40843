import './operations.css';
import { useCommand, useProcedure } from '@renderer/api/queries';
import { useToday } from '@renderer/app/clock';
import { month as monthLabel } from '@renderer/components/dates';
import { useRun } from '@renderer/components/useRun';
import { optionsOf, SelectField, TextField } from '@renderer/ui/fields';
import { decimalToMinor, minorToDecimal } from '@shared/kernel/money';
import type { ModelCost } from '@shared/operations/contract/costs';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from '@shared/operations/rules/costs';
import type { ModelDetail } from '@shared/portfolio/contract/models';
import { useState } from 'react';
import { CostTable } from './CostTable';
import { CostTrendChart } from './CostTrendChart';

/** The model page's Cost tab: twelve months of run cost by category against its budget, per 1,000 predictions, and the team beside it. */
export function ModelCostTab({ model }: { model: ModelDetail }) {
  const data = useProcedure('costs.forModel', { modelId: model.id });
  if (data.error) return <p className="form__error">{data.error.message}</p>;
  const c = data.data;
  if (!c) return <p className="list-status">Loading…</p>;
  return (
    <div className="ops-model ops-cost">
      <CostTable
        label={`Run cost of ${c.modelName}`}
        currency={c.currency}
        first="Month"
        rows={c.months.map((m) => ({ key: m.month, head: monthLabel(m.month), row: m }))}
      />
      <CostTrendChart
        points={[...c.months].reverse().map((m) => ({ month: m.month, totalMinor: m.totalMinor, budgetMinor: c.budgetMinor ?? 0 }))}
        currency={c.currency}
        label={`Run cost of ${c.modelName} against its budget`}
      />
      <BudgetForm key={`b${c.budgetMinor}`} cost={c} />
      <TypedCostForm cost={c} />
    </div>
  );
}

function BudgetForm({ cost: c }: { cost: ModelCost }) {
  const [text, setText] = useState(c.budgetMinor === null ? '' : minorToDecimal(c.budgetMinor, c.currency));
  const save = useCommand('costs.setBudget');
  const { error, run } = useRun();
  const parsed = text.trim() === '' ? null : decimalToMinor(text, c.currency);
  return (
    <form
      className="form form--inline"
      noValidate
      aria-label="Monthly budget"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed && !parsed.ok) return;
        run(
          save.mutateAsync({ modelId: c.modelId, monthlyMinor: parsed ? parsed.minor : null }),
          parsed ? 'Budget saved.' : 'Budget removed.',
        );
      }}
    >
      <TextField
        id="cost-budget"
        label={`Monthly budget (${c.currency})`}
        hint="Empty: no budget"
        value={text}
        onChange={setText}
        error={parsed && !parsed.ok ? parsed.message : (error ?? undefined)}
      />
      <button type="submit" className="button button--secondary">
        Save the budget
      </button>
    </form>
  );
}

function TypedCostForm({ cost: c }: { cost: ModelCost }) {
  const today = useToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [category, setCategory] = useState<CostCategory | ''>('');
  const [text, setText] = useState('');
  const save = useCommand('costs.set');
  const { error, run } = useRun();
  const parsed = text.trim() === '' ? null : decimalToMinor(text, c.currency);
  return (
    <form
      className="form form--boxed"
      noValidate
      aria-label="Type a cost"
      onSubmit={(e) => {
        e.preventDefault();
        if (!category || (parsed && !parsed.ok)) return;
        run(
          save.mutateAsync({ modelId: c.modelId, month, category, amountMinor: parsed ? parsed.minor : null }),
          parsed ? 'Cost saved.' : 'Typed cost cleared.',
          () => setText(''),
        );
      }}
    >
      <div className="field">
        <label htmlFor="cost-month">Month</label>
        <input id="cost-month" type="month" value={month} max={today.slice(0, 7)} onChange={(e) => setMonth(e.target.value || month)} />
      </div>
      <SelectField
        id="cost-category"
        label="Category"
        value={category}
        placeholder="Choose the category"
        options={optionsOf(COST_CATEGORIES, COST_CATEGORY_LABELS)}
        onChange={setCategory}
        error={undefined}
      />
      <TextField
        id="cost-amount"
        label={`Amount (${c.currency})`}
        hint="Empty clears what was typed; imported costs stay"
        value={text}
        onChange={setText}
        error={parsed && !parsed.ok ? parsed.message : undefined}
      />
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Save the cost
        </button>
      </div>
    </form>
  );
}
