import type { StatusTone } from '@renderer/ui/Badge';
import type { MonthStatus } from '@shared/billing/rules/monthClose';
import { format, parseISO } from 'date-fns';

/** 810 → "8.1%", 800 → "8%", 775 → "7.75%": basis points shown exactly, without floats. */
export function vatPercent(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

/** An ISO instant in the user's time zone: "24 Nov 2026, 09:12". */
/** The local date of an ISO instant: "24 Nov 2026". */
/** A date: "24 Nov 2026". */
export { day as formatDay, instant as formatInstant, instantDay as formatInstantDate } from '@renderer/components/dates';

/** A rate period inside one month: "1–14 Oct"; one day: "3 Oct". */
export function formatPeriod(from: string, to: string): string {
  if (from === to) return format(parseISO(from), 'd MMM');
  return `${format(parseISO(from), 'd')}–${format(parseISO(to), 'd MMM')}`;
}

export const STATUS_TONE: Record<MonthStatus, StatusTone> = { open: 'neutral', approved: 'info', invoiced: 'ok' };

/** The message of whatever a call threw: a CallError carries the backend's sentence. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
