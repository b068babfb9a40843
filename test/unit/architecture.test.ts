import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one-way rule: renderer → contract → backend → SQLite. shared/ imports
 * nothing of electron/ or renderer/; renderer/ never imports electron/;
 * electron/backend and electron/server never import the 'electron' module.
 */
const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/g)].map(
    (m) => (m[1] ?? m[2]) as string,
  );
}

const ALIASES: Record<string, string> = { '@shared/': 'shared/', '@backend/': 'electron/backend/', '@renderer/': 'renderer/src/' };

function resolvedTarget(file: string, spec: string): string {
  if (spec.startsWith('.')) return relative(ROOT, resolve(ROOT, file, '..', spec));
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
  return alias ? `${ALIASES[alias]}${spec.slice(alias.length)}` : spec;
}

function violations(dir: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .map((spec) => resolvedTarget(file, spec))
      .filter(forbidden)
      .map((target) => `${file} → ${target}`),
  );
}

describe('import directions', () => {
  it('reads imports, including multi-line ones (so the checks below can fail)', () => {
    expect(importsOf('electron/backend/index.ts')).toEqual(expect.arrayContaining(['@backend/core/db/connection', '@shared/kernel/errors']));
    expect(resolvedTarget('electron/backend/index.ts', '@shared/kernel/errors')).toBe('shared/kernel/errors');
    expect(importsOf('electron/main/index.ts')).toContain('electron');
  });
  it('shared/ imports nothing from electron/, renderer/, Node or the database', () => {
    expect(
      violations(
        'shared',
        (t) => /^(electron|renderer)\//.test(t) || t === 'electron' || t.startsWith('node:') || t === 'better-sqlite3' || t === 'react',
      ),
    ).toEqual([]);
  });
  it('renderer/ never imports electron/ or the electron module', () => {
    expect(
      violations('renderer', (t) => t.startsWith('electron/') || t === 'electron' || t === 'better-sqlite3' || t.startsWith('node:')),
    ).toEqual([]);
  });
  it('the backend and browser mode never import the electron module, main or preload', () => {
    const bad = (t: string) =>
      t === 'electron' || t.startsWith('electron/main') || t.startsWith('electron/preload') || t.startsWith('renderer/');
    expect(violations('electron/backend', bad)).toEqual([]);
    expect(violations('electron/server', bad)).toEqual([]);
  });
  it('only electron/main and the preload touch ipcMain/ipcRenderer', () => {
    const offenders = [...sourceFiles('electron'), ...sourceFiles('renderer'), ...sourceFiles('shared')].filter(
      (f) =>
        !f.startsWith('electron/main/') &&
        !f.startsWith('electron/preload/') &&
        /\bipc(Main|Renderer)\b/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
