import { type ReactNode, useEffect, useId, useRef } from 'react';
import { rovingTarget } from './roving';
import './ui.css';

export type TabItem<K extends string> = { id: K; label: string };

type Props<K extends string> = {
  /** Names the tab list for assistive technology and tests: “Plan views”. */
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  /**
   * Asked to show another tab; it may refuse (unsaved changes kept) by not changing
   * `selected`, and the focus then stays on the current tab.
   */
  onSelect(id: K): void;
  /** The selected tab's content, rendered in the tab panel. */
  children: ReactNode;
};

/**
 * A row of tabs and the panel of the selected one (WAI-ARIA tabs pattern):
 * one tab stop (the selected tab), arrow keys move and select (wrapping),
 * Home/End go to the first/last tab.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children }: Props<K>) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const tabId = (id: K) => `${base}-tab-${id}`;
  const panelId = `${base}-panel`;

  // A selection made from the keyboard takes the focus with it; one made elsewhere (a link, the address) does not.
  useEffect(() => {
    const node = list.current;
    if (!node?.contains(document.activeElement)) return;
    document.getElementById(`${base}-tab-${selected}`)?.focus();
  }, [base, selected]);

  return (
    <>
      <div
        className="ui-tabs"
        role="tablist"
        aria-label={label}
        ref={list}
        onKeyDown={(e) => {
          const index = tabs.findIndex((t) => t.id === selected);
          const target = rovingTarget(e.key, index, tabs.length);
          const tab = target === null ? undefined : tabs[target];
          if (!tab) return;
          e.preventDefault();
          if (tab.id !== selected) onSelect(tab.id);
        }}
      >
        {tabs.map((t) => {
          const on = t.id === selected;
          return (
            <button
              key={t.id}
              id={tabId(t.id)}
              type="button"
              role="tab"
              aria-selected={on}
              aria-controls={on ? panelId : undefined}
              tabIndex={on ? 0 : -1}
              className={`ui-tabs__tab${on ? ' is-on' : ''}`}
              onClick={() => {
                if (!on) onSelect(t.id);
              }}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(selected)} className="ui-tabs__panel">
        {children}
      </div>
    </>
  );
}
