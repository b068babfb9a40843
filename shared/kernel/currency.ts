/**
 * Currencies come from the ICU data shipped with the JavaScript runtime
 * (Intl), so Keel does not carry its own ISO 4217 table.
 */
const SUPPORTED = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && SUPPORTED.has(code);
}

export function currencyCodes(): string[] {
  return [...SUPPORTED];
}

/** Number of minor-unit digits of a currency: CHF 2, JPY 0, BHD 3. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function currencyName(code: string): string {
  return new Intl.DisplayNames(['en'], { type: 'currency' }).of(code) ?? code;
}
