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

/** True when `url` is an https link Keel may hand to the system browser. */
export function mayOpenExternally(url: string, hosts: ReadonlySet<string> = recordHosts): boolean {
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
