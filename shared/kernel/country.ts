import countries from 'i18n-iso-countries';

/** ISO 3166-1 alpha-2 codes, from the maintained i18n-iso-countries data. */
const CODES = new Set(Object.keys(countries.getAlpha2Codes()));
const names = new Intl.DisplayNames(['en'], { type: 'region' });

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && CODES.has(code);
}

export function countryName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryCodes(): string[] {
  return [...CODES];
}

/**
 * A holiday calendar is a country code, optionally with a subdivision:
 * `CH`, `CH-ZH`, `GB-SCT`. Whether the subdivision exists is checked by the
 * backend against the holiday library; this only checks the shape.
 */
export const CALENDAR_RE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export function calendarCountry(calendar: string): string {
  return calendar.slice(0, 2);
}

/** The region part of a calendar code (`ZH` of `CH-ZH`), or '' for a whole country. */
export function calendarSubdivision(calendar: string): string {
  return calendar.slice(3);
}
