import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { Option } from '../../shared/contract';
import { calendar } from '../../shared/contract/fields';

/**
 * Holiday calendars come from the maintained date-holidays library: which
 * countries and subdivisions exist. Later features ask it for the dates.
 */
// Loaded on first use: requiring date-holidays costs ~100 ms, which must not delay the window at start-up.
let instance: Holidays | null = null;
function holidays(): Holidays {
  instance ??= new (createRequire(__filename)('date-holidays') as typeof Holidays)();
  return instance;
}
let cachedOptions: Option[] | null = null;

export function isKnownCalendar(code: string): boolean {
  const [country = '', subdivision = ''] = code.split('-');
  return Boolean(holidays().getCountries('en')[country]) && knownSubdivision(country, subdivision);
}

export function knownSubdivision(country: string, subdivision: string): boolean {
  if (subdivision === '') return true;
  return Boolean(holidays().getStates(country, 'en')?.[subdivision]);
}

export function calendarOptions(): Option[] {
  if (cachedOptions) return cachedOptions;
  const out: Option[] = [];
  const countries = holidays().getCountries('en');
  for (const [code, name] of Object.entries(countries).sort((a, b) => a[1].localeCompare(b[1]))) {
    out.push({ value: code, label: name });
    const states = holidays().getStates(code, 'en') ?? {};
    for (const [sub, subName] of Object.entries(states).sort((a, b) => a[1].localeCompare(b[1]))) {
      out.push({ value: `${code}-${sub}`, label: `${name} — ${subName}` });
    }
  }
  // Offer only what the contract accepts (date-holidays knows a few non-ISO codes).
  cachedOptions = out.filter((o) => calendar.safeParse(o.value).success);
  return cachedOptions;
}
