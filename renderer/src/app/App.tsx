import { useCommand, useProcedure } from '@renderer/api/queries';
import { Toasts } from '@renderer/components/Toasts';
import { SkipLink } from '@renderer/ui/SkipLink';
import { Fragment, Suspense, useEffect, useState } from 'react';
import { BADGE_ENTRIES, ENTRIES, NAVIGATION } from './areas';
import { BackupsDialog } from './BackupsDialog';
import { preloadScreen, useScreenReady } from './lazyScreen';
import { badgeWordsId, NavBadgeCount, NavBadgeWords, useNavBadges } from './NavBadges';
import { entryLabel } from './routes';
import { type UnknownArea, useNav, useToasts } from './stores';
import { ThemeSelect } from './theme';
import { useShortcuts } from './useShortcuts';

/** How long after the first screen has its data the other screens' chunks start loading. */
const OTHER_SCREENS_AFTER_MS = 1_000;

export function App() {
  const { route, unknown, go, sync } = useNav();
  const reference = useProcedure('reference.get', {});
  const info = useProcedure('app.info', {});
  const badges = useNavBadges(BADGE_ENTRIES);
  useShortcuts();
  useEffect(() => {
    // Back/forward between views (history entries) and an address typed or followed (hash change).
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('hashchange', sync);
    };
  }, [sync]);

  const Screen = (ENTRIES.find((e) => e.id === route.area) ?? ENTRIES[0])?.screen;
  // The open screen's chunk loads beside the reference data, not after it.
  if (Screen) preloadScreen(Screen);
  const screenReady = useScreenReady(Screen);
  const ready = Boolean(reference.data);
  useEffect(() => {
    if (!ready) return;
    // Once the first screen is up, the others load in the background: moving between areas never waits for a chunk.
    const later = setTimeout(() => {
      for (const entry of ENTRIES) preloadScreen(entry.screen);
    }, OTHER_SCREENS_AFTER_MS);
    return () => clearTimeout(later);
  }, [ready]);
  return (
    <div className="shell">
      <SkipLink targetId="main-content" />
      <nav className="nav" aria-label="Areas">
        <div className="nav__brand">
          <img className="nav__logo" src="/favicon.svg" alt="" width="22" height="22" />
          Keel
        </div>
        {NAVIGATION.map(({ group, items }) => (
          <div key={group} className="nav__group">
            <div className="nav__group-label">{group}</div>
            {items.map((item) =>
              item.kind === 'built' ? (
                <Fragment key={item.entry.id}>
                  <a
                    href={`#/${item.entry.id}`}
                    className={`nav__item${!unknown && route.area === item.entry.id ? ' is-active' : ''}`}
                    aria-current={!unknown && route.area === item.entry.id ? 'page' : undefined}
                    aria-describedby={badges.has(item.entry.id) ? badgeWordsId(item.entry.id) : undefined}
                    title={item.entry.hint}
                    onClick={(e) => {
                      e.preventDefault();
                      go({ area: item.entry.id, recordId: null });
                    }}
                  >
                    {item.entry.label}
                    <NavBadgeCount badge={badges.get(item.entry.id)} />
                  </a>
                  <NavBadgeWords id={item.entry.id} badge={badges.get(item.entry.id)} />
                </Fragment>
              ) : (
                <span key={item.id} className="nav__item nav__item--coming" title={item.hint} aria-disabled="true">
                  {item.label}
                  <span className="nav__soon">coming</span>
                </span>
              ),
            )}
          </div>
        ))}
        <NavFooter info={info.data} />
      </nav>
      <main className="main" id="main-content" tabIndex={-1}>
        {unknown ? (
          <UnknownAreaMessage unknown={unknown} onStart={() => go({ area: ENTRIES[0]?.id ?? route.area, recordId: null })} />
        ) : reference.error ? (
          <div className="empty">
            <h2>Keel cannot reach its data</h2>
            <p>{reference.error.message}</p>
          </div>
        ) : !reference.data || !Screen || !screenReady ? (
          <ScreenLoading />
        ) : (
          // Screens are loaded on first visit; the navigation stays usable meanwhile.
          <Suspense fallback={<ScreenLoading />}>
            <Screen reference={reference.data} />
          </Suspense>
        )}
      </main>
      <Toasts />
    </div>
  );
}

/** An address naming an area Keel does not have: said in words, never another screen in its place. */
function UnknownAreaMessage({ unknown, onStart }: { unknown: UnknownArea; onStart(): void }) {
  const start = ENTRIES[0];
  return (
    <div className="screen">
      <div className="empty" role="status">
        {unknown.coming ? (
          <>
            <h1>{unknown.coming} is coming</h1>
            <p>This link opens {unknown.coming}, an area Keel does not have yet. It appears in the navigation once it is built.</p>
          </>
        ) : (
          <>
            <h1>There is no such page</h1>
            <p>
              Keel has no area called “{unknown.path}”. The link may be mistyped, or come from a newer Keel. Pick an area in the navigation.
            </p>
          </>
        )}
        {start && (
          <button type="button" className="button" onClick={onStart}>
            Open {entryLabel(start.id)}
          </button>
        )}
      </div>
    </div>
  );
}

function ScreenLoading() {
  return <p className="list-status">Loading…</p>;
}

function NavFooter({ info }: { info: ReturnType<typeof useProcedure<'app.info'>>['data'] }) {
  const backup = useCommand('db.backup');
  const toast = useToasts((s) => s.show);
  const [restoring, setRestoring] = useState(false);
  return (
    <div className="nav__footer">
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={backup.isPending}
        onClick={() =>
          backup.mutate(
            {},
            {
              onSuccess: (r) => toast({ tone: 'info', message: `Backup written to ${r.path} (${Math.round(r.bytes / 1024)} KiB).` }),
              onError: (e) => toast({ tone: 'error', message: e.message }),
            },
          )
        }
      >
        {backup.isPending ? 'Backing up…' : 'Back up now'}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={() => setRestoring(true)}>
        Restore…
      </button>
      {restoring && <BackupsDialog onClose={() => setRestoring(false)} />}
      <ThemeSelect />
      {info && (
        <div className="nav__meta" title={info.databasePath}>
          Keel {info.version} · {info.mode === 'browser' ? 'browser mode' : 'desktop'}
          <br />
          {info.actor}
        </div>
      )}
    </div>
  );
}
