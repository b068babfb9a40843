import { useEffect } from 'react';
import { hasRecords } from './routes';
import { useNav } from './stores';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard shortcuts of the list screens, outside text fields:
 * `/` focuses the search box, `n` opens the form for a new record.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('.toolbar__search');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      } else if (e.key === 'n') {
        const { route, go } = useNav.getState();
        if (hasRecords(route.area)) {
          e.preventDefault();
          go({ area: route.area, recordId: 'new' });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
