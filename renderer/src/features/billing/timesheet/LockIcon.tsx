/** A small padlock (no emoji: not every system font has one). */
export function LockIcon({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 16 16" width="10" height="10" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4 7V5a4 4 0 0 1 8 0v2h1.5v8h-11V7H4zm2 0h4V5a2 2 0 0 0-4 0v2z" />
    </svg>
  );
}
