/**
 * Sourcing regions of the provider (PRODUCT.md): Romania, Poland, the Balkans,
 * the Caucasus, Central Asia and Latin America. A specialist's region follows
 * from their home country; anything else is "Other".
 */
export const SOURCING_REGIONS = ['romania', 'poland', 'balkans', 'caucasus', 'central_asia', 'latin_america', 'other'] as const;
export type SourcingRegion = (typeof SOURCING_REGIONS)[number];

export const SOURCING_REGION_LABELS: Record<SourcingRegion, string> = {
  romania: 'Romania',
  poland: 'Poland',
  balkans: 'Balkans',
  caucasus: 'Caucasus',
  central_asia: 'Central Asia',
  latin_america: 'Latin America',
  other: 'Other',
};

const COUNTRY_REGION: Record<string, SourcingRegion> = {
  RO: 'romania',
  MD: 'romania',
  PL: 'poland',
  AL: 'balkans',
  BA: 'balkans',
  BG: 'balkans',
  GR: 'balkans',
  HR: 'balkans',
  ME: 'balkans',
  MK: 'balkans',
  RS: 'balkans',
  SI: 'balkans',
  XK: 'balkans',
  AM: 'caucasus',
  AZ: 'caucasus',
  GE: 'caucasus',
  KG: 'central_asia',
  KZ: 'central_asia',
  TJ: 'central_asia',
  TM: 'central_asia',
  UZ: 'central_asia',
  AR: 'latin_america',
  BO: 'latin_america',
  BR: 'latin_america',
  CL: 'latin_america',
  CO: 'latin_america',
  CR: 'latin_america',
  CU: 'latin_america',
  DO: 'latin_america',
  EC: 'latin_america',
  GT: 'latin_america',
  HN: 'latin_america',
  MX: 'latin_america',
  NI: 'latin_america',
  PA: 'latin_america',
  PE: 'latin_america',
  PY: 'latin_america',
  SV: 'latin_america',
  UY: 'latin_america',
  VE: 'latin_america',
};

/** The sourcing region a home country belongs to (ISO 3166-1 alpha-2 code). */
export function sourcingRegionOf(countryCode: string): SourcingRegion {
  return COUNTRY_REGION[countryCode.toUpperCase()] ?? 'other';
}
