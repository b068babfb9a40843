import { isUndoable, undoRefusal } from '@shared/audit/rules/undo';
import { archivedClientRefusal, clientArchiveRefusal } from '@shared/clients/rules/lifecycle';
import { normalizeSkills, parseSkillsText } from '@shared/clients/rules/skills';
import { sourcingRegionOf } from '@shared/clients/rules/sourcingRegion';
import { calendarCountry, countryName, isCountryCode } from '@shared/kernel/country';
import { isCurrencyCode, minorDigits } from '@shared/kernel/currency';
import { compareIsoDates, isIsoDate } from '@shared/kernel/dates';
import { describe, expect, it } from 'vitest';

describe('sourcing regions', () => {
  it.each([
    ['RO', 'romania'],
    ['PL', 'poland'],
    ['RS', 'balkans'],
    ['BA', 'balkans'],
    ['XK', 'balkans'],
    ['GE', 'caucasus'],
    ['AM', 'caucasus'],
    ['KZ', 'central_asia'],
    ['UZ', 'central_asia'],
    ['AR', 'latin_america'],
    ['MX', 'latin_america'],
    ['CH', 'other'],
    ['us', 'other'],
    ['pl', 'poland'],
  ])('%s belongs to %s', (country, region) => {
    expect(sourcingRegionOf(country)).toBe(region);
  });
});

describe('skills', () => {
  it('trims, collapses spaces and removes case-insensitive duplicates, keeping the first spelling and order', () => {
    expect(normalizeSkills(['Kubeflow', ' kubeflow ', 'MLflow', '', '  Argo   CD ', 'argo cd'])).toEqual(['Kubeflow', 'MLflow', 'Argo CD']);
  });
  it('parses comma-separated text as typed in a form', () => {
    expect(parseSkillsText('Spark, dbt,, Airflow ,spark')).toEqual(['Spark', 'dbt', 'Airflow']);
    expect(parseSkillsText('')).toEqual([]);
  });
});

describe('dates', () => {
  it('accepts real YYYY-MM-DD dates, including leap days', () => {
    expect(isIsoDate('2026-11-24')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });
  it('rejects impossible dates and other formats', () => {
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
      '24.11.2026',
      '2026-11-24T00:00:00Z',
      '',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });
  it('gives the same answers in every time zone (dates have none)', () => {
    const original = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Europe/Zurich', 'Asia/Tokyo', 'Pacific/Auckland', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(isIsoDate('2026-03-15'), tz).toBe(true);
        expect(isIsoDate('2026-03-29'), `${tz} (DST change in Europe)`).toBe(true);
        expect(isIsoDate('2026-01-01'), tz).toBe(true);
        expect(isIsoDate('2028-02-29'), tz).toBe(true);
        expect(isIsoDate('2026-02-29'), tz).toBe(false);
      }
    } finally {
      process.env.TZ = original;
    }
  });
  it('orders dates across month and year boundaries', () => {
    expect(compareIsoDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareIsoDates('2026-03-01', '2026-02-28')).toBe(1);
    expect(compareIsoDates('2026-03-01', '2026-03-01')).toBe(0);
  });
});

describe('currencies and countries', () => {
  it('knows ISO 4217 codes and their minor digits', () => {
    expect(isCurrencyCode('CHF')).toBe(true);
    expect(isCurrencyCode('chf')).toBe(false);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(minorDigits('CHF')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
  });
  it('knows ISO 3166 country codes and names', () => {
    expect(isCountryCode('CH')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('ch')).toBe(false);
    expect(countryName('RO')).toBe('Romania');
    expect(calendarCountry('CH-ZH')).toBe('CH');
  });
});

describe('archiving rules', () => {
  const e = (name: string, status: 'proposed' | 'active' | 'paused' | 'ended', archivedAt: string | null = null) => ({
    name,
    status,
    archivedAt,
  });

  it('allows archiving a client without running engagements', () => {
    expect(clientArchiveRefusal('Acme', [])).toBeNull();
    expect(
      clientArchiveRefusal('Acme', [e('Old', 'ended'), e('Idea', 'proposed'), e('Gone', 'active', '2026-01-01T00:00:00Z')]),
    ).toBeNull();
  });
  it('refuses while an engagement is active or paused, naming them', () => {
    expect(clientArchiveRefusal('Acme', [e('Run', 'active')])).toBe(
      'Acme still has 1 running engagement (“Run”). End or archive it first.',
    );
    expect(clientArchiveRefusal('Acme', [e('Run', 'active'), e('Hold', 'paused')])).toContain('2 running engagements (“Run”, “Hold”)');
  });
  it('refuses engagement work under an archived client', () => {
    expect(archivedClientRefusal({ name: 'Acme', archivedAt: null }, 'add an engagement')).toBeNull();
    expect(archivedClientRefusal({ name: 'Acme', archivedAt: '2026-01-01T00:00:00Z' }, 'add an engagement')).toBe(
      'Acme is archived. Restore the client before you add an engagement.',
    );
  });
});

describe('undo from the audit log', () => {
  it('undoes only the latest archive or restore of a record', () => {
    expect(isUndoable({ action: 'archive', entity: 'client' }, true)).toBe(true);
    expect(isUndoable({ action: 'restore', entity: 'specialist' }, true)).toBe(true);
    expect(isUndoable({ action: 'archive', entity: 'client' }, false)).toBe(false);
    expect(isUndoable({ action: 'update', entity: 'client' }, true)).toBe(false);
    expect(isUndoable({ action: 'import', entity: 'dataset' }, true)).toBe(false);
  });
  it('explains every refusal', () => {
    expect(undoRefusal({ action: 'update', entity: 'client', label: 'Acme' }, true)).toMatch(/Only archives and restores/);
    expect(undoRefusal({ action: 'archive', entity: 'client', label: 'Acme' }, false)).toMatch(/Acme has changed since/);
    expect(undoRefusal({ action: 'archive', entity: 'client', label: 'Acme' }, true)).toBeNull();
  });
});
