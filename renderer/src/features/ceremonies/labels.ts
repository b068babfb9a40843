import type { StatusTone } from '@renderer/ui/Badge';
import type { OccurrenceFlag } from '@shared/ceremonies/contract/occurrences';
import type { OccurrenceState } from '@shared/ceremonies/rules/vocabulary';

export const STATE_TONE: Record<OccurrenceState, StatusTone> = {
  planned: 'info',
  due: 'attention',
  held: 'ok',
  missed: 'critical',
  cancelled: 'neutral',
};

export function flagText(flag: OccurrenceFlag): string {
  if (flag.kind === 'holiday') return `Public holiday: ${flag.name}`;
  if (flag.kind === 'accountable_away') return `Every Accountable participant away: ${flag.names.join(', ')}`;
  return `Inside the change freeze “${flag.reason}” (${flag.startsOn} to ${flag.endsOn})`;
}

/** The viewer's own zone (the browser's). */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant's time in a zone, HH:MM. */
export function timeIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "10:00 Europe/Zurich · 09:00 your time" — the viewer's time beside when the zones differ. */
export function timeWithViewer(iso: string, time: string, timeZone: string): string {
  const mine = viewerZone();
  if (mine === timeZone) return time;
  const own = timeIn(iso, mine);
  return own === time ? `${time} (${timeZone})` : `${time} ${timeZone} · ${own} your time`;
}

export const minutesText = (m: number) => (m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`);

/** An instant's local date (YYYY-MM-DD) in a zone. */
export function dateIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
