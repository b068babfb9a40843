import { month } from '@shared/billing/contract/billing';
import { monthLabel } from '@shared/billing/rules/months';
import { clientFields, clientListInput } from '@shared/clients/contract/clients';
import { engagementFields } from '@shared/clients/contract/engagements';
import { specialistFields } from '@shared/clients/contract/specialists';
import { contract, procedureNames } from '@shared/contract';
import { dateLabel } from '@shared/kernel/dates';
import { calendar, currency, email, id, isoDate, optionalText, requiredText } from '@shared/kernel/fields';
import { invalidInput, labelOf, toFieldIssues } from '@shared/kernel/validate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : toFieldIssues(r.error)[0]?.message;
};

describe('field schemas', () => {
  it('ids are UUIDv7', () => {
    expect(id.safeParse('01a20bb9-cb5c-7026-b14e-640086951525').success).toBe(true);
    expect(messageOf(id, '550e8400-e29b-41d4-a716-446655440000')).toBe('is not a valid Keel id');
    expect(messageOf(id, 42)).toBe('is required');
  });
  it('dates must be real and written YYYY-MM-DD', () => {
    expect(isoDate.safeParse('2028-02-29').success).toBe(true);
    expect(messageOf(isoDate, '2026-02-29')).toBe('must be a real date written YYYY-MM-DD');
  });
  it('a name made only of invisible characters is empty, so required; visible text keeps its inner joiners', () => {
    const name = requiredText(80);
    for (const invisible of ['\u200B\u200B', ' \u200D\uFEFF ', '\u3164', '\u2060\u00A0', '\u2800']) {
      expect(messageOf(name, invisible)).toBe('is required');
    }
    expect(name.parse('\u200BAna Ionescu\u200B ')).toBe('Ana Ionescu');
    expect(name.parse('Team 👩\u200D💻')).toBe('Team 👩\u200D💻');
    expect(optionalText(80).parse('\u200B')).toBe('');
  });
  it('a lone surrogate is refused, never stored as U+FFFD', () => {
    expect(messageOf(requiredText(80), 'Ana \uD800')).toBe('contains a broken character; type it again');
    expect(messageOf(optionalText(80), '\uDC00x')).toBe('contains a broken character; type it again');
    expect(requiredText(80).parse('Zoë 😀')).toBe('Zoë 😀');
  });
  it('dates lie between 1990 and 2100: a date with no business meaning is refused, the edges are kept', () => {
    for (const bad of ['0001-01-01', '1989-12-31', '2101-01-01', '9999-12-31']) {
      expect(messageOf(isoDate, bad)).toBe('must be between 1990 and 2100');
    }
    for (const good of ['1990-01-01', '2026-12-05', '2100-12-31']) expect(isoDate.safeParse(good).success).toBe(true);
  });
  it('months lie between 1990 and 2100 too', () => {
    expect(messageOf(month, '0000-01')).toBe('must be between 1990 and 2100');
    expect(messageOf(month, '2101-01')).toBe('must be between 1990 and 2100');
    expect(messageOf(month, '2026-13')).toBe('must be a month written YYYY-MM, such as 2026-10');
    expect(month.safeParse('1990-01').success).toBe(true);
  });
  it('dates and months in messages read as the screens show them, for any year', () => {
    expect(dateLabel('2026-11-30')).toBe('30 Nov 2026');
    expect(dateLabel('0099-03-01')).toBe('1 Mar 0099');
    expect(monthLabel('0000-01')).toBe('January 0');
    expect(monthLabel('0099-12')).toBe('December 99');
    expect(monthLabel('2026-10')).toBe('October 2026');
  });
  it('currencies are ISO 4217', () => {
    expect(currency.safeParse('EUR').success).toBe(true);
    expect(messageOf(currency, 'EURO')).toMatch(/ISO 4217/);
  });
  it('calendars are a country with an optional region', () => {
    expect(calendar.safeParse('CH').success).toBe(true);
    expect(calendar.safeParse('GB-SCT').success).toBe(true);
    expect(messageOf(calendar, 'ch-zh')).toMatch(/country code, optionally with a region/);
    expect(messageOf(calendar, 'QQ-ZH')).toBe('starts with an unknown country code');
  });
  it('emails are checked', () => {
    expect(messageOf(email, 'not-an-email')).toMatch(/email address/);
  });
});

describe('entity schemas', () => {
  it('trims text and fills defaults for a client', () => {
    const r = clientFields.parse({ name: '  Acme  ', country: 'DE', currency: 'EUR', holidayCalendar: 'DE-BY' });
    expect(r).toEqual({
      name: 'Acme',
      country: 'DE',
      currency: 'EUR',
      holidayCalendar: 'DE-BY',
      timeZone: '',
      vatBasisPoints: 0,
      notes: '',
    });
  });
  it('refuses blank and over-long names, and unknown fields', () => {
    expect(messageOf(clientFields, { name: '   ', country: 'DE', currency: 'EUR', holidayCalendar: 'DE' })).toBe('is required');
    expect(messageOf(clientFields, { name: 'x'.repeat(121), country: 'DE', currency: 'EUR', holidayCalendar: 'DE' })).toBe(
      'must be at most 120 characters',
    );
    expect(messageOf(clientFields, { name: 'A', country: 'DE', currency: 'EUR', holidayCalendar: 'DE', vat: 1 })).toBe(
      'has a field Keel does not know: “vat”',
    );
  });
  it('puts an engagement ending before it starts on the end date field', () => {
    const r = engagementFields.safeParse({
      clientId: '01a20bb9-cb5c-7026-b14e-640086951525',
      name: 'Run',
      currency: 'EUR',
      startDate: '2026-05-01',
      endDate: '2026-04-30',
      status: 'active',
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(toFieldIssues(r.error)).toEqual([{ path: 'endDate', message: 'must be on or after the start date' }]);
  });
  it('allows a one-day and an open-ended engagement', () => {
    const base = {
      clientId: '01a20bb9-cb5c-7026-b14e-640086951525',
      name: 'Run',
      currency: 'EUR',
      startDate: '2026-05-01',
      status: 'active',
    };
    expect(engagementFields.safeParse({ ...base, endDate: '2026-05-01' }).success).toBe(true);
    expect(engagementFields.parse(base).endDate).toBeNull();
  });
  it('checks a specialist’s role, skills and subdivision shape', () => {
    const base = {
      fullName: 'A',
      role: 'mlops_engineer',
      seniority: 'senior',
      homeCountry: 'PL',
      startDate: '2026-01-01',
      status: 'active',
      email: 'a@example.com',
    };
    expect(specialistFields.parse(base)).toMatchObject({ skills: [], homeSubdivision: '' });
    expect(messageOf(specialistFields, { ...base, role: 'wizard' })).toBe('must be one of the listed roles');
    expect(messageOf(specialistFields, { ...base, skills: Array.from({ length: 31 }, (_, i) => `s${i}`) })).toBe(
      'can hold at most 30 skills',
    );
    expect(messageOf(specialistFields, { ...base, homeSubdivision: 'zh' })).toMatch(/region code/);
  });
  it('list inputs have sensible defaults', () => {
    expect(clientListInput.parse(undefined)).toEqual({ archived: 'active', sort: 'name', direction: 'asc' });
    expect(clientListInput.parse({ search: '  acme ' })).toMatchObject({ search: 'acme', archived: 'active' });
  });
});

describe('error messages', () => {
  it('summarise the first problem in words and count the rest', () => {
    const r = clientFields.safeParse({ name: '', country: 'XX', currency: 'EUR', holidayCalendar: 'DE' });
    expect(r.success).toBe(false);
    if (r.success) return;
    const error = invalidInput(r.error);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('Name is required (and 1 more problem).');
    expect(error.issues?.map((i) => i.path)).toEqual(['name', 'country']);
  });
  it('label fields in plain words', () => {
    expect(labelOf('holidayCalendar')).toBe('Holiday calendar');
    expect(labelOf('skills.3')).toBe('Skills');
  });
});

describe('the contract', () => {
  it('names every procedure area.verb and gives each a summary', () => {
    for (const name of procedureNames) {
      expect(name).toMatch(/^[a-z]+\.[a-z][a-zA-Z]*$/);
      expect(contract[name].summary.length).toBeGreaterThan(10);
    }
  });
  it('can describe every input as JSON Schema for GET /api', () => {
    for (const name of procedureNames) {
      const schema = z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' });
      expect(schema.type, name).toBe('object');
    }
  });
});

describe('empty required fields', () => {
  it('say "is required" rather than "is not valid"', () => {
    for (const schema of [id, isoDate, currency, calendar, email]) expect(messageOf(schema, '')).toBe('is required');
    expect(messageOf(clientFields, { name: 'A', country: '', currency: 'CHF', holidayCalendar: 'CH' })).toBe('is required');
  });
});
