/**
 * Which links may leave the app for the system browser. Never arbitrary: only https, without
 * credentials in the address, and only to a host the user typed into a record (the record areas
 * register them: a model's repository, registry, dashboard or runbook link) or on Keel's own
 * short allow-list. Everything else stays closed. Pure, so it is tested under plain Node; the
 * shell's window-open handler (security.ts) asks it before calling shell.openExternal.
 */
export const ALLOWED_HOSTS: readonly string[] = [];

const recordHosts = new Set<string>();

/** A record area tells the shell about a link a user typed; its host may then be opened. */
export function allowHostOf(url: string): void {
  const parsed = parse(url);
  if (parsed) recordHosts.add(parsed.hostname);
}

/**
 * True when `url` is an https link Keel may hand to the system browser, or a link to write to or call
 * one person (`mailto:` one plain address, `tel:` a phone number), as the "who responds now" panel offers.
 */
export function mayOpenExternally(url: string, hosts: ReadonlySet<string> = recordHosts): boolean {
  if (isContactLink(url)) return true;
  const parsed = parse(url);
  if (!parsed) return false;
  return ALLOWED_HOSTS.includes(parsed.hostname) || hosts.has(parsed.hostname);
}

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password || !parsed.hostname) return null;
    return parsed;
  } catch {
    return null;
  }
}

/** A mailto: link to one plain address with nothing else, or a tel: link of digits, spaces and + ( ) - . / only. */
export function isContactLink(url: string): boolean {
  if (url.startsWith('mailto:')) return /^mailto:[^\s@?&,;:/]+@[^\s@?&,;:/]+\.[^\s@?&,;:/]+$/.test(url);
  if (url.startsWith('tel:')) return /^tel:\+?[\d\s()./-]{3,40}$/.test(decodeURIComponentSafe(url));
  return false;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
