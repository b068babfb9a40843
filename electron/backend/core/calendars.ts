import { createRequire } from 'node:module';
import type { HolidaysOfYear } from '@shared/kernel/businessDays';
import { type Day, toDay } from '@shared/kernel/days';
import type { Option } from '@shared/kernel/define';
import { calendar } from '@shared/kernel/fields';
import type Holidays from 'date-holidays';

/**
 * Holiday calendars come from the maintained date-holidays library: which
 * countries and subdivisions exist. Later features ask it for the dates.
 */
// Loaded on first use: requiring date-holidays costs ~100 ms, which must not delay the window at start-up.
let HolidaysClass: typeof Holidays | null = null;
let instance: Holidays | null = null;
function holidaysClass(): typeof Holidays {
  HolidaysClass ??= createRequire(__filename)('date-holidays') as typeof Holidays;
  return HolidaysClass;
}
function holidays(): Holidays {
  instance ??= new (holidaysClass())();
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

/**
 * Loads date-holidays and builds the calendar list now, so the first request
 * that needs them (the reference data every screen asks for first, the plan's
 * business days) does not pay for it. Called in the background after start-up.
 */
export function warmCalendars(): void {
  calendarOptions();
}

/**
 * Computes and caches the public holidays of one calendar code (CH-ZH, RO) in one year.
 * The warm-up calls it for the calendars in use, one calendar-year at a time, so the
 * first plan view, board and badges after start find them computed (date-holidays takes
 * 10–60 ms a calendar-year, several seconds for all of them on first use).
 */
export function warmHolidays(code: string, year: number): void {
  const [country = '', subdivision = ''] = code.split('-');
  publicHolidays(country, subdivision, year);
}

const holidayCache = new Map<string, ReadonlySet<Day>>();

/**
 * Public holidays (type "public" in date-holidays: days off by law, not bank
 * or school holidays or observances) of a country or region in one year, as
 * day numbers. Cached: the plan asks for the same calendars again and again.
 */
export function publicHolidays(country: string, subdivision: string, year: number): ReadonlySet<Day> {
  const key = `${country}-${subdivision}-${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const names = holidayNames(country, subdivision, year);
    days = new Set(names.keys());
    holidayCache.set(key, days);
  }
  return days;
}

const nameCache = new Map<string, ReadonlyMap<Day, string>>();

/** Public holidays of a calendar in one year with their English names. */
function holidayNames(country: string, subdivision: string, year: number): ReadonlyMap<Day, string> {
  const key = `${country}-${subdivision}-${year}`;
  let names = nameCache.get(key);
  if (!names) {
    const Ctor = holidaysClass();
    const calendar = subdivision ? new Ctor(country, subdivision) : new Ctor(country);
    const list = calendar.getHolidays(year, 'en') || [];
    names = new Map(list.filter((h) => h.type === 'public').map((h) => [toDay(h.date.slice(0, 10)), h.name]));
    nameCache.set(key, names);
  }
  return names;
}

/** The name of the public holiday on a date in a calendar, or null. */
export function holidayName(country: string, subdivision: string, date: string): string | null {
  return holidayNames(country, subdivision, Number(date.slice(0, 4))).get(toDay(date)) ?? null;
}

/** Public holidays over several years, merged. */
export function publicHolidaysBetween(country: string, subdivision: string, fromYear: number, toYear: number): ReadonlySet<Day> {
  if (fromYear === toYear) return publicHolidays(country, subdivision, fromYear);
  const key = `${country}-${subdivision}-${fromYear}-${toYear}`;
  let merged = holidayCache.get(key);
  if (!merged) {
    const out = new Set<Day>();
    for (let year = fromYear; year <= toYear; year++) for (const d of publicHolidays(country, subdivision, year)) out.add(d);
    merged = out;
    holidayCache.set(key, merged);
  }
  return merged;
}

const lookups = new Map<string, HolidaysOfYear>();

/** A calendar code (CH-ZH) as the clock's holiday source, one per code, each year looked up once. */
export function holidaysOfCalendar(code: string): HolidaysOfYear {
  let lookup = lookups.get(code);
  if (!lookup) {
    const [country = '', subdivision = ''] = code.split('-');
    const years = new Map<number, ReadonlySet<Day>>();
    lookup = (year) => {
      let days = years.get(year);
      if (!days) {
        days = publicHolidays(country, subdivision, year);
        years.set(year, days);
      }
      return days;
    };
    lookups.set(code, lookup);
  }
  return lookup;
}

/**
 * The time zone a client's dates are read in: the one set on the client, or
 * else the first zone date-holidays gives for the holiday calendar (Europe/Zurich
 * for CH-ZH; America/New_York for US, the first of several).
 */
export function timeZoneOf(client: { timeZone: string; holidayCalendar: string }): string {
  if (client.timeZone !== '') return client.timeZone;
  return calendarTimeZone(client.holidayCalendar);
}

/** A client row with the zone its dates are read in. */
export function withEffectiveTimeZone<C extends { timeZone: string; holidayCalendar: string }>(
  client: C,
): C & { effectiveTimeZone: string } {
  return { ...client, effectiveTimeZone: timeZoneOf(client) };
}

const zoneCache = new Map<string, string>();
export function calendarTimeZone(code: string): string {
  let zone = zoneCache.get(code);
  if (zone === undefined) {
    const [country = '', subdivision = ''] = code.split('-');
    const Ctor = holidaysClass();
    const calendar = subdivision ? new Ctor(country, subdivision) : new Ctor(country);
    zone = calendar.getTimezones()[0] ?? 'UTC';
    zoneCache.set(code, zone);
  }
  return zone;
}
