import { minorDigits } from './currency';

/**
 * Money is an integer count of the currency's minor unit (cents, rappen,
 * fils; yen have none). The ONE rounding rule Keel uses: half away from zero,
 * applied once per computed amount. Products are taken in BigInt so that
 * minutes × rate and net × VAT basis points never lose precision.
 */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  if ((abs % denominator) * 2n >= denominator) quotient += 1n;
  const result = Number(negative ? -quotient : quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError('amount is too large');
  return result;
}

/** Amount of `minutes` at an hourly rate, in minor units, rounded once. */
export const amountFor = (minutes: number, hourlyRateMinor: number): number =>
  divideRounded(BigInt(minutes) * BigInt(hourlyRateMinor), 60n);

/** VAT on a net amount at a rate in basis points (810 = 8.10%), rounded once. */
export const vatOn = (netMinor: number, basisPoints: number): number => divideRounded(BigInt(netMinor) * BigInt(basisPoints), 10_000n);

/** Minor units as a decimal string: 123456 CHF → "1234.56"; JPY → "123456"; BHD 3 digits. Exact, no floats. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** A major-unit amount as a number, for Excel cells (exact to the minor unit at these magnitudes). */
export const minorToMajor = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);

/**
 * Parses what a person types as a rate or amount ("145", "145.50", "145,50", "1'450.5", "1,450.50")
 * into minor units, refusing more decimals than the currency has.
 */
export function decimalToMinor(text: string, currency: string): { ok: true; minor: number } | { ok: false; message: string } {
  const digits = minorDigits(currency);
  // Grouping marks go; with a point present, commas group thousands ("1,234.56"); without one, a comma is the decimal mark ("145,50").
  const stripped = text.trim().replace(/['’\s_]/g, '');
  // "1,450" could be a thousand and more or one and a bit: without a point, a comma before exactly three digits is read as
  // grouping when the currency has no minor unit, and refused as ambiguous otherwise ("0,005" is plainly a decimal).
  const grouped = /^([1-9]\d{0,2}),(\d{3})$/.exec(stripped);
  if (grouped && digits > 0) {
    return {
      ok: false,
      message: `is ambiguous: write ${grouped[1]}${grouped[2]} for thousands, or ${grouped[1]}.${grouped[2]} with a point for decimals`,
    };
  }
  const clean = stripped.includes('.') || grouped ? stripped.replace(/,/g, '') : stripped.replace(',', '.');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(clean);
  if (!m) return { ok: false, message: `must be an amount such as ${digits ? `145.${'5'.padEnd(digits, '0')}` : '14500'}` };
  const fraction = m[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${currency} has no minor unit: use whole amounts` : `${currency} has ${digits} decimals at most`,
    };
  }
  const minor = Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'is too large' };
  return { ok: true, minor };
}

/** "CHF 1,234.56" for screens. */
export function formatMoney(minor: number, currency: string): string {
  return `${minor < 0 ? '-' : ''}${currency} ${formatAmount(Math.abs(minor), currency)}`;
}

/** "1,234.56" without the currency, for tables whose heading names it. */
export function formatAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const [whole = '0', fraction] = minorToDecimal(Math.abs(minor), currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${minor < 0 ? '-' : ''}${grouped}${digits ? `.${fraction}` : ''}`;
}
