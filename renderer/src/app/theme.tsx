import { useState } from 'react';

/**
 * The colour theme the user chose. "system" follows the OS setting: the tokens in styles.css are
 * light-dark() pairs resolved by color-scheme, and data-theme only pins it when a theme was chosen.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'keel.theme';

export const THEME_CHOICES = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const satisfies readonly { value: ThemeChoice; label: string }[];

const isThemeChoice = (value: unknown): value is ThemeChoice => THEME_CHOICES.some((c) => c.value === value);

/** The remembered choice; anything unknown (an old value, a hand-edited store) reads as "system". */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> = window.localStorage): ThemeChoice {
  try {
    const stored = storage.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(stored) ? stored : 'system';
  } catch {
    // Storage can be unavailable (a locked-down profile): the system setting is the safe default.
    return 'system';
  }
}

/** Sets the choice on <html>, where the tokens read it. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = choice;
}

/**
 * Applies the remembered theme. Called by main.tsx before React renders, so the first paint
 * already has the right colours (the CSP forbids an inline script in index.html).
 */
export function applyStoredTheme(): ThemeChoice {
  const choice = readThemeChoice();
  applyTheme(choice);
  return choice;
}

function rememberTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not remembered, but applied for this session: nothing the user needs to act on.
  }
}

/** The theme choice in the navigation footer: a labelled select, keyboard-usable as any select. */
export function ThemeSelect() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice());
  return (
    <label className="nav__theme">
      <span>Theme</span>
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value;
          if (!isThemeChoice(next)) return;
          setChoice(next);
          rememberTheme(next);
        }}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
