// The theme choice in the navigation footer: System / Light / Dark, remembered and set on <html>.
import { applyStoredTheme, readThemeChoice, THEME_STORAGE_KEY, ThemeSelect } from '@renderer/app/theme';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme choice', () => {
  it('follows the system until the user chooses, then remembers and applies the choice', async () => {
    expect(applyStoredTheme()).toBe('system');
    expect(document.documentElement.dataset.theme).toBe('system');

    render(<ThemeSelect />);
    const select = screen.getByLabelText('Theme');
    expect(select).toHaveProperty('value', 'system');

    // By keyboard, as any select: focus it and pick an option.
    select.focus();
    await userEvent.selectOptions(select, 'Dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    await userEvent.selectOptions(select, 'Light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  it('applies the remembered choice at start, before anything renders, and shows it', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(applyStoredTheme()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    render(<ThemeSelect />);
    expect(screen.getByLabelText('Theme')).toHaveProperty('value', 'dark');
  });

  it('reads an unknown or unreadable stored value as "system"', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    expect(readThemeChoice()).toBe('system');
    const broken = {
      getItem: () => {
        throw new Error('storage disabled');
      },
    };
    expect(readThemeChoice(broken)).toBe('system');
  });
});
