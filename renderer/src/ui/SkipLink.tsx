import './ui.css';

/**
 * “Skip to content”: the first thing Tab reaches on every screen, hidden until
 * focused, moving focus past the navigation into the main region. It focuses
 * the region itself rather than following its href, because the address
 * (`#/<area>…`) is the app's route and must not change.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  return (
    <a
      className="ui-skip-link"
      href={`#${targetId}`}
      onClick={(e) => {
        e.preventDefault();
        const target = document.getElementById(targetId);
        target?.focus();
        target?.scrollIntoView?.({ block: 'start' });
      }}
    >
      Skip to content
    </a>
  );
}
