import type { Locale } from 'date-fns';
import { format, isValid, parse, parseISO } from 'date-fns';
import { de, deAT, enGB, enUS, es, fr, frCH, it, itCH, nl, pt, ro } from 'date-fns/locale';

/**
 * Dates as every screen writes and reads them: one module, in the user's locale
 * (the browser's language; en-GB when it names a locale Keel does not carry).
 * Data stays `YYYY-MM-DD`; only what a person sees and types is localised.
 */

const LOCALES: Record<string, Locale> = {
  'en-GB': enGB,
  'en-US': enUS,
  en: enGB,
  de,
  'de-AT': deAT,
  // Swiss German writes dates as German does; date-fns has no separate de-CH.
  'de-CH': de,
  fr,
  'fr-CH': frCH,
  it,
  'it-CH': itCH,
  nl,
  es,
  pt,
  ro,
};

const FALLBACK = 'en-GB';

/** The locale Keel carries for a BCP 47 tag: the exact tag, then its language, then en-GB. */
export function resolveLocale(tag: string | undefined): { tag: string; locale: Locale } {
  const candidates = tag ? [tag, tag.split('-')[0] ?? tag] : [];
  for (const c of candidates) {
    const locale = LOCALES[c];
    if (locale) return { tag: c, locale };
  }
  return { tag: FALLBACK, locale: enGB };
}

let current = resolveLocale(typeof navigator === 'undefined' ? undefined : navigator.language);

/** Switch the locale (tests pin en-GB; a test of another locale sets it and restores it). */
export function setDateLocale(tag: string): void {
  current = resolveLocale(tag);
}

export const dateLocaleTag = (): string => current.tag;

/** Every year in four digits: date-fns' "y" writes year 99 as "99", which reads as 1999. */
const fourDigitYears = (pattern: string) => pattern.replace(/y+/g, 'yyyy');

/** The locale's medium date ("30 Nov 2026", "30. Nov. 2026", "Nov 30, 2026"). */
const mediumPattern = () => fourDigitYears(current.locale.formatLong?.date({ width: 'medium' }) ?? 'd MMM yyyy');
/** The locale's numeric date ("30/11/2026", "30.11.2026", "11/30/2026"). */
const shortPattern = () => fourDigitYears(current.locale.formatLong?.date({ width: 'short' }) ?? 'dd/MM/yyyy');

const fmt = (date: Date, pattern: string) => format(date, pattern, { locale: current.locale });

/** "30 Nov 2026" in en-GB. */
export const day = (date: string): string => fmt(parseISO(date), mediumPattern());

/** "Tue 24 Nov 2026": due dates carry the weekday, since business days are what count. */
export const weekdayDay = (date: string): string => fmt(parseISO(date), `EEE ${mediumPattern()}`);

/** A month, "2026-11" or a date in it: "Nov 2026". */
export const month = (value: string): string => fmt(parseISO(value.length === 7 ? `${value}-01` : value), 'LLL yyyy');

/** A month in full: "November 2026". */
export const monthLong = (value: string): string => fmt(parseISO(value.length === 7 ? `${value}-01` : value), 'LLLL yyyy');

/** An ISO instant in the user's time zone: "24 Nov 2026, 09:12". */
export const instant = (iso: string): string => `${fmt(parseISO(iso), mediumPattern())}, ${fmt(parseISO(iso), 'HH:mm')}`;

/** The local date of an ISO instant: "24 Nov 2026". */
/** An instant to the second, for the audit log: `30 Nov 2026, 14:05:09`. */
export const instantWithSeconds = (iso: string): string => `${fmt(parseISO(iso), mediumPattern())}, ${fmt(parseISO(iso), 'HH:mm:ss')}`;

export const instantDay = (iso: string): string => fmt(parseISO(iso), mediumPattern());

/** "1 business day", "7 business days". */
export const businessDays = (n: number): string => `${n} business ${n === 1 ? 'day' : 'days'}`;

/** An example of the date format, for messages: "30 Nov 2026". */
export const dateExample = (): string => day('2026-11-30');

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoOf = (d: Date) => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/** Parsing must not borrow today's fields: a fixed reference, not the clock. */
const REFERENCE = new Date(2000, 0, 1);

function parseWith(text: string, patterns: string[]): Date | null {
  for (const p of patterns) {
    const d = parse(text, p, REFERENCE, { locale: current.locale });
    if (isValid(d)) return d;
  }
  return null;
}

/**
 * What a person typed as a date → `YYYY-MM-DD`, or null when it is not a date.
 * Accepts the locale's medium and numeric forms ("30 Nov 2026", "30/11/2026") and ISO.
 */
export function parseDay(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (ISO_DAY.test(t)) {
    const d = parseISO(t);
    return isValid(d) && isoOf(d) === t ? t : null;
  }
  const medium = mediumPattern();
  const d = parseWith(t, [medium, medium.replace(/MMM+/, 'MMMM'), shortPattern()]);
  return d ? isoOf(d) : null;
}

/** What a person typed as a month → `YYYY-MM`, or null: "Nov 2026", "November 2026", "11/2026", "2026-11". */
export function parseMonth(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (ISO_MONTH.test(t)) {
    const m = Number(t.slice(5));
    return m >= 1 && m <= 12 ? t : null;
  }
  const d = parseWith(t, ['LLL yyyy', 'LLLL yyyy', 'MMM yyyy', 'MMMM yyyy', 'MM/yyyy', 'MM.yyyy']);
  return d ? isoOf(d).slice(0, 7) : null;
}

/** Text written by the backend with YYYY-MM-DD dates in it, the dates written as the person reads them. */
export const datesInText = (text: string): string => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => day(date));
