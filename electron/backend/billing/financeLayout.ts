import { minorDigits } from '@shared/kernel/currency';

/**
 * The finance workbook's layout: the sheets and columns finance builds its
 * own formulas on. Stable and versioned — docs/finance-workbook.md lists the
 * same columns (a test compares them); change a name, order, type or unit and
 * FINANCE_LAYOUT_VERSION goes up.
 */

export const FINANCE_WORKBOOK_MARKER = 'Keel finance workbook';
export const FINANCE_LAYOUT_VERSION = 3;

export type FinanceColumnType = 'text' | 'date' | 'minutes' | 'hours' | 'money' | 'percent';
export type FinanceColumn = { readonly header: string; readonly type: FinanceColumnType; readonly width: number };

const col = (header: string, type: FinanceColumnType, width: number): FinanceColumn => ({ header, type, width });

export const SUMMARY_COLUMNS = [
  col('Client', 'text', 24),
  col('Engagement', 'text', 28),
  col('Currency', 'text', 10),
  col('Status', 'text', 10),
  col('Invoice number', 'text', 16),
  col('Minutes', 'minutes', 10),
  col('Hours', 'hours', 10),
  col('Non-billable minutes', 'minutes', 20),
  col('Non-billable hours', 'hours', 18),
  col('Net', 'money', 14),
  col('VAT %', 'percent', 8),
  col('VAT', 'money', 12),
  col('Gross', 'money', 14),
] as const;

export const INVOICE_LINE_COLUMNS = [
  col('Client', 'text', 24),
  col('Engagement', 'text', 28),
  col('Currency', 'text', 10),
  col('Specialist', 'text', 24),
  col('Role', 'text', 22),
  col('From', 'date', 11),
  col('To', 'date', 11),
  col('Rate source', 'text', 18),
  col('Hourly rate', 'money', 12),
  col('Billable minutes', 'minutes', 16),
  col('Billed minutes', 'minutes', 14),
  col('Billed hours', 'hours', 12),
  col('Non-billable minutes', 'minutes', 20),
  col('Non-billable hours', 'hours', 18),
  col('Amount', 'money', 14),
] as const;

export const DETAIL_COLUMNS = [
  col('Entry ID', 'text', 38),
  col('Date', 'date', 11),
  col('Client', 'text', 26),
  col('Engagement ID', 'text', 38),
  col('Engagement', 'text', 30),
  col('Specialist', 'text', 24),
  col('Specialist email', 'text', 30),
  col('Role', 'text', 22),
  col('Activity', 'text', 24),
  col('Minutes', 'minutes', 10),
  col('Hours', 'hours', 8),
  col('Billable', 'text', 10),
  col('Non-billable reason', 'text', 34),
  col('Note', 'text', 40),
  col('Model', 'text', 30),
] as const;

export const MODEL_HOURS_COLUMNS = [
  col('Client', 'text', 24),
  col('Engagement', 'text', 28),
  col('Model', 'text', 30),
  col('Activity', 'text', 24),
  col('Minutes', 'minutes', 10),
  col('Hours', 'hours', 10),
] as const;

export const PER_SPECIALIST_COLUMNS = [
  col('Specialist', 'text', 24),
  col('Specialist email', 'text', 30),
  col('Role', 'text', 22),
  col('Client', 'text', 24),
  col('Engagement', 'text', 28),
  col('Currency', 'text', 10),
  col('Minutes', 'minutes', 10),
  col('Hours', 'hours', 10),
  col('Non-billable minutes', 'minutes', 20),
  col('Non-billable hours', 'hours', 18),
  col('Billed minutes', 'minutes', 14),
  col('Amount', 'money', 14),
] as const;

export const ABOUT_COLUMNS = [col('Field', 'text', 22), col('Value', 'text', 44)] as const;

export const FINANCE_SHEETS = {
  Summary: SUMMARY_COLUMNS,
  'Invoice lines': INVOICE_LINE_COLUMNS,
  'Timesheet detail': DETAIL_COLUMNS,
  'Per specialist': PER_SPECIALIST_COLUMNS,
  'Hours by model': MODEL_HOURS_COLUMNS,
  About: ABOUT_COLUMNS,
} as const satisfies Record<string, readonly FinanceColumn[]>;
export type FinanceSheetName = keyof typeof FINANCE_SHEETS;

/** The sheets of each kind of export, in workbook order. */
export const FINANCE_SHEET_ORDER = {
  month: ['Summary', 'Invoice lines', 'Timesheet detail', 'Per specialist', 'Hours by model', 'About'],
  detail: ['Timesheet detail', 'Hours by model', 'About'],
} as const satisfies Record<string, readonly FinanceSheetName[]>;

export const MINUTES_FORMAT = '#,##0';
export const PERCENT_2_FORMAT = '0.00%';

/** `#,##0.00` for CHF, `#,##0` for JPY, `#,##0.000` for BHD: as many decimals as the currency has minor digits. */
export function moneyFormat(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}
