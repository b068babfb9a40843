import { z } from 'zod';
import { CALENDAR_RE, calendarCountry, isCountryCode } from './country';
import { isCurrencyCode } from './currency';
import { isIsoDate, isPlausibleDate, PLAUSIBLE_DATES_MESSAGE } from './dates';
import { hasLoneSurrogate, trimInvisible } from './text';
import { isTimeZone } from './timeZone';

/** Building blocks of the input schemas, each with a message a user can act on. */

/** Empty text means "not filled in": say so, rather than "not a valid …". */
const filled = () => z.string({ error: 'is required' }).min(1, { error: 'is required', abort: true });

export const id = filled().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'is not a valid Keel id');

const WHOLE_CHARACTERS = 'contains a broken character; type it again';

/**
 * Text a person typed: invisible characters at either end are taken off (so a name made only
 * of zero-width or blank characters is empty, hence required), a lone surrogate is refused
 * rather than stored as U+FFFD.
 */
const text = (error: string) =>
  z
    .string({ error })
    .refine((v) => !hasLoneSurrogate(v), { error: WHOLE_CHARACTERS, abort: true })
    .transform(trimInvisible);

export const requiredText = (max: number) =>
  text('is required').pipe(z.string().min(1, 'is required').max(max, `must be at most ${max} characters`));

export const optionalText = (max: number) => text('must be text').pipe(z.string().max(max, `must be at most ${max} characters`));

export const isoDate = filled()
  .refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD', abort: true })
  .refine(isPlausibleDate, PLAUSIBLE_DATES_MESSAGE);

export const currency = filled().refine(isCurrencyCode, 'must be an ISO 4217 currency code such as CHF, EUR or USD');

export const country = filled().refine(isCountryCode, 'must be an ISO country code such as CH, DE or RO');

export const calendar = filled()
  .regex(CALENDAR_RE, 'must be a country code, optionally with a region, such as CH or CH-ZH')
  .refine((v) => isCountryCode(calendarCountry(v)), 'starts with an unknown country code');

export const email = filled()
  .trim()
  .max(254, 'must be at most 254 characters')
  .regex(z.regexes.email, 'must be an email address such as name@example.com');

export const search = z.string().trim().max(200, 'must be at most 200 characters').optional();

export const archivedFilter = z.enum(['active', 'archived', 'all']).default('active');

export const sortDirection = z.enum(['asc', 'desc']).default('asc');

/** Optimistic concurrency: the updatedAt the editor last saw. */
export const expectedUpdatedAt = z.iso.datetime({ error: 'must be an ISO-8601 UTC instant' }).optional();

export const byId = z.strictObject({ id });

/** An IANA time zone, or empty for "the holiday calendar's own zone". */
export const timeZone = z
  .string({ error: 'must be text' })
  .trim()
  .refine((v) => v === '' || isTimeZone(v), 'must be a time zone such as Europe/Zurich or America/New_York');

/** A link a person can open: https only (the desktop shell opens nothing else); empty for none. */
export const httpsLink = optionalText(2000).pipe(
  z.string().refine((v) => {
    if (v === '') return true;
    try {
      const url = new URL(v);
      return url.protocol === 'https:' && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an https:// link'),
);
