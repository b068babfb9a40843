import { useCommand, useProcedure } from '@renderer/api/queries';
import { Toasts } from '@renderer/components/Toasts';
import { AuditScreen } from '@renderer/features/audit/AuditScreen';
import { HoursScreen } from '@renderer/features/billing/HoursScreen';
import { ClientsScreen } from '@renderer/features/clients/ClientsScreen';
import { EngagementsScreen } from '@renderer/features/clients/engagements/EngagementsScreen';
import { SpecialistsScreen } from '@renderer/features/clients/specialists/SpecialistsScreen';
import { ContinuityScreen } from '@renderer/features/continuity/ContinuityScreen';
import { PlanScreen } from '@renderer/features/plan/PlanScreen';
import { StaffingScreen } from '@renderer/features/plan/staffing/StaffingScreen';
import { useEffect } from 'react';
import { AREAS } from './areas';
import { useNav, useToasts } from './stores';
import { useShortcuts } from './useShortcuts';

export function App() {
  const { route, go, sync } = useNav();
  const reference = useProcedure('reference.get', {});
  const info = useProcedure('app.info', {});
  useShortcuts();
  useEffect(() => {
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, [sync]);

  const groups = [...new Set(AREAS.map((a) => a.group))];
  return (
    <div className="shell">
      <nav className="nav" aria-label="Areas">
        <div className="nav__brand">
          <img className="nav__logo" src="/favicon.svg" alt="" width="22" height="22" />
          Keel
        </div>
        {groups.map((group) => (
          <div key={group} className="nav__group">
            <div className="nav__group-label">{group}</div>
            {AREAS.filter((a) => a.group === group).map((a) =>
              a.built ? (
                <a
                  key={a.id}
                  href={`#/${a.id}`}
                  className={`nav__item${route.area === a.id ? ' is-active' : ''}`}
                  aria-current={route.area === a.id ? 'page' : undefined}
                  title={a.hint}
                  onClick={(e) => {
                    e.preventDefault();
                    go({ area: a.id, recordId: null });
                  }}
                >
                  {a.label}
                </a>
              ) : (
                <span key={a.id} className="nav__item nav__item--coming" title={a.hint} aria-disabled="true">
                  {a.label}
                  <span className="nav__soon">coming</span>
                </span>
              ),
            )}
          </div>
        ))}
        <NavFooter info={info.data} />
      </nav>
      <main className="main">
        {reference.error ? (
          <div className="empty">
            <h2>Keel cannot reach its data</h2>
            <p>{reference.error.message}</p>
          </div>
        ) : !reference.data ? (
          <p className="list-status">Loading…</p>
        ) : route.area === 'clients' ? (
          <ClientsScreen reference={reference.data} />
        ) : route.area === 'engagements' ? (
          <EngagementsScreen reference={reference.data} />
        ) : route.area === 'specialists' ? (
          <SpecialistsScreen reference={reference.data} />
        ) : route.area === 'allocations' ? (
          <PlanScreen reference={reference.data} />
        ) : route.area === 'staffing' ? (
          <StaffingScreen reference={reference.data} />
        ) : route.area === 'replacements' ? (
          <ContinuityScreen />
        ) : route.area === 'hours' ? (
          <HoursScreen reference={reference.data} />
        ) : (
          <AuditScreen />
        )}
      </main>
      <Toasts />
    </div>
  );
}

function NavFooter({ info }: { info: ReturnType<typeof useProcedure<'app.info'>>['data'] }) {
  const backup = useCommand('db.backup');
  const toast = useToasts((s) => s.show);
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
