import type { ReferenceData } from '@shared/kernel/reference';
import { type ComponentType, use, useEffect, useState } from 'react';

/** What every screen is given (AreaEntry['screen']). */
type ScreenProps = { reference: ReferenceData };

/** What starts loading each lazy screen's chunk, by the component that shows it. */
const loaders = new WeakMap<object, () => Promise<unknown>>();
/** The lazy screens whose chunk has arrived (or failed: rendering them then shows the failure). */
const settled = new WeakSet<object>();

/**
 * A screen whose code is a chunk of its own, loaded on first visit — like
 * React.lazy, but it can be loaded ahead of its first render: App starts the
 * open screen's chunk together with the reference data, so the screen does not
 * suspend once that data arrives (React holds a revealed Suspense boundary back
 * for up to 300 ms, which would delay the screen's own queries), and loads the
 * other screens once the first one is up, so moving between areas does not
 * suspend either. App waits for the chunk (useScreenReady) before rendering
 * it; rendered earlier, it suspends (App's Suspense shows "Loading…").
 */
export function lazyScreen(load: () => Promise<ComponentType<ScreenProps>>): ComponentType<ScreenProps> {
  let loading: Promise<ComponentType<ScreenProps>> | null = null;
  let loaded: ComponentType<ScreenProps> | null = null;
  const start = () => {
    loading ??= load()
      .then((screen) => {
        loaded = screen;
        return screen;
      })
      .finally(() => settled.add(LazyScreen));
    return loading;
  };
  function LazyScreen(props: ScreenProps) {
    // `use` may be called conditionally: once loaded, the screen renders without suspending.
    const Screen = loaded ?? use(start());
    return <Screen {...props} />;
  }
  loaders.set(LazyScreen, start);
  return LazyScreen;
}

/** Starts loading a lazy screen's chunk (nothing for a screen that is not lazy); a failure shows when it renders. */
export function preloadScreen(screen: object): void {
  loaders
    .get(screen)?.()
    .catch(() => undefined);
}

/**
 * Whether a screen can render without suspending, loading its chunk if not.
 * App renders a lazy screen only once it is ready: a screen that suspended
 * after its data arrived would be revealed up to 300 ms late (React throttles
 * revealing a Suspense boundary), and its own queries would start that late.
 */
export function useScreenReady(screen: object | undefined): boolean {
  const [, arrived] = useState(0);
  const ready = !screen || !loaders.has(screen) || settled.has(screen);
  useEffect(() => {
    if (ready || !screen) return;
    let current = true;
    const rerender = () => {
      if (current) arrived((n) => n + 1);
    };
    loaders.get(screen)?.().then(rerender, rerender);
    return () => {
      current = false;
    };
  }, [screen, ready]);
  return ready;
}

/** Whether a screen is loaded on first visit. */
export function isLazyScreen(screen: object): boolean {
  return loaders.has(screen);
}
