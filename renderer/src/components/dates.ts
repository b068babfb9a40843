import { format, parseISO } from 'date-fns';

/** Dates as every screen writes them. */

/** "24 Nov 2026". */
export const day = (date: string): string => format(parseISO(date), 'd MMM yyyy');

/** "Tue 24 Nov 2026": due dates carry the weekday, since business days are what count. */
export const weekdayDay = (date: string): string => format(parseISO(date), 'EEE d MMM yyyy');

/** "1 business day", "7 business days". */
export const businessDays = (n: number): string => `${n} business ${n === 1 ? 'day' : 'days'}`;
