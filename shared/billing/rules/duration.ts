/**
 * Durations are integer minutes. People type them the way they think of
 * them: `7.5` or `7,5` (decimal hours), `7:30` (hours:minutes), `450m`
 * (minutes), `7h`, `7.5h`, `7h30` or `7h 30m`. Anything else is refused with a
 * sentence saying what is accepted.
 */
export const DURATION_HELP = 'Type hours such as 7.5, 7:30, 450m or 7h30.';

export type ParsedDuration = { ok: true; minutes: number } | { ok: false; message: string };

const DECIMAL = /^(\d{1,2})(?:[.,](\d{0,4}))?\s*h?$|^[.,](\d{1,4})\s*h?$/;
const CLOCK = /^(\d{1,2}):([0-5]\d)$/;
const MINUTES = /^(\d{1,4})\s*m(?:in)?$/;
const HOURS_MINUTES = /^(\d{1,2})\s*h(?:\s*(\d{1,2})\s*m?)?$/;

export function parseDuration(text: string): ParsedDuration {
  const value = text.trim().toLowerCase();
  if (value === '') return { ok: false, message: `Enter a duration. ${DURATION_HELP}` };
  if (value.startsWith('-')) return { ok: false, message: 'A duration cannot be negative.' };
  const decimal = DECIMAL.exec(value);
  const clock = CLOCK.exec(value);
  const plain = MINUTES.exec(value);
  const hm = HOURS_MINUTES.exec(value);
  let minutes: number | null = null;
  if (decimal) {
    const fraction = decimal[2] ?? decimal[3];
    minutes = Number(decimal[1] ?? 0) * 60 + (fraction ? Math.round(Number(`0.${fraction}`) * 60) : 0);
  } else if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2]);
  } else if (plain) {
    minutes = Number(plain[1]);
  } else if (hm) {
    const extra = Number(hm[2] ?? 0);
    if (extra > 59) return { ok: false, message: `“${text.trim()}” has more than 59 minutes after the hours. ${DURATION_HELP}` };
    minutes = Number(hm[1]) * 60 + extra;
  }
  if (minutes === null) return { ok: false, message: `“${text.trim()}” is not a duration Keel understands. ${DURATION_HELP}` };
  if (minutes === 0) return { ok: false, message: 'A duration must be more than zero. Clear the cell to remove the entry.' };
  if (minutes > MINUTES_PER_DAY) return { ok: false, message: 'A day has at most 24 hours.' };
  return { ok: true, minutes };
}

export const MINUTES_PER_DAY = 24 * 60;

/** `450` → `7:30`; `0` → `0:00`. What the grid shows. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/** Hours as a full-precision number (minutes ÷ 60), for Excel and totals. */
export const hoursOf = (minutes: number): number => minutes / 60;

/** `450` → `7.50 h`: hours to two decimals, for review screens. */
export function formatHours(minutes: number): string {
  return `${(minutes / 60).toFixed(2)} h`;
}
