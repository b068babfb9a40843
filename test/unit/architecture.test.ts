import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the house, checked from the code's imports (docs/architecture.md):
 * - one way round: renderer → contract → backend → SQLite; shared/ imports nothing of electron/ or renderer/;
 * - areas depend only on the areas below them (AREA_DEPENDENCIES), never in a cycle, in every process;
 * - the registries (one ordered list per process) may import the areas; the areas never import a registry
 *   (type-only imports of the contract's generic helpers and the audited-entity type excepted);
 * - one clock: nothing but the clock modules reads the wall clock.
 */
const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

type Import = { spec: string; typeOnly: boolean };

function importsWithKind(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(import|export)(\s+type)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/g)].map((m) => ({
    spec: (m[3] ?? m[4]) as string,
    typeOnly: Boolean(m[2]),
  }));
}

function importsOf(file: string): string[] {
  return importsWithKind(file).map((i) => i.spec);
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

/** Which areas each area may use (besides the kernel); the order is the registries' order. */
const AREA_DEPENDENCIES: Record<string, readonly string[]> = {
  clients: [],
  plan: ['clients'],
  continuity: ['clients', 'plan'],
  billing: ['clients', 'plan', 'portfolio'],
  portfolio: ['clients'],
  ownership: ['clients', 'plan', 'portfolio'],
  monitoring: ['clients', 'plan', 'portfolio', 'ownership'],
  ceremonies: ['clients', 'plan', 'portfolio'],
  operations: ['clients', 'plan', 'portfolio', 'ownership', 'monitoring', 'ceremonies', 'billing'],
  maturity: ['clients', 'plan', 'portfolio', 'ownership', 'monitoring', 'operations'],
  audit: ['clients', 'plan', 'continuity', 'billing', 'portfolio', 'ownership', 'monitoring', 'ceremonies', 'operations', 'maturity'],
  app: [
    'clients',
    'plan',
    'continuity',
    'billing',
    'portfolio',
    'ownership',
    'monitoring',
    'ceremonies',
    'operations',
    'maturity',
    'audit',
  ],
};

/** The one ordered list per process (and the shells that start them): they may import every area. */
const REGISTRIES = [
  'shared/contract',
  'shared/entities',
  'electron/backend/areas',
  'electron/backend/handlers',
  'electron/backend/dispatch',
  'electron/backend/index',
  'electron/backend/sampleCli',
  'renderer/src/app/areas',
  'renderer/src/app/App',
  'renderer/src/main',
];

const stripExt = (path: string) => path.replace(/\.(ts|tsx)$/, '');

/** 'kernel' (shared/kernel, backend core, the renderer's api, kit and app helpers), an area id, 'registry', or 'shell'. */
function layerOf(path: string): string {
  const p = stripExt(path);
  if (REGISTRIES.includes(p)) return 'registry';
  const area =
    p.match(/^shared\/([^/]+)\//)?.[1] ??
    p.match(/^electron\/backend\/([^/]+)\//)?.[1] ??
    p.match(/^renderer\/src\/features\/([^/]+)\//)?.[1];
  if (area === 'kernel' || area === 'core') return 'kernel';
  if (area) return area;
  if (/^renderer\/src\//.test(p)) return 'kernel';
  return 'shell';
}

function areaEdges(): { from: string; to: string; file: string; target: string; typeOnly: boolean }[] {
  return ['shared', 'electron/backend', 'renderer/src'].flatMap((dir) =>
    sourceFiles(dir).flatMap((file) =>
      importsWithKind(file)
        .filter((i) => /^(\.|@shared\/|@backend\/|@renderer\/)/.test(i.spec))
        .map((i) => {
          const target = resolvedTarget(file, i.spec);
          return { from: layerOf(file), to: layerOf(target), file, target, typeOnly: i.typeOnly };
        })
        .filter((e) => e.from !== e.to),
    ),
  );
}

describe('import directions', () => {
  it('reads imports, including multi-line ones (so the checks below can fail)', () => {
    expect(importsOf('electron/backend/index.ts')).toEqual(
      expect.arrayContaining(['@backend/core/db/connection', '@shared/kernel/errors']),
    );
    expect(resolvedTarget('electron/backend/index.ts', '@shared/kernel/errors')).toBe('shared/kernel/errors');
    expect(importsOf('electron/main/shell.ts')).toContain('electron');
    expect(layerOf('electron/backend/plan/area.ts')).toBe('plan');
    expect(layerOf('renderer/src/features/continuity/BoardView.tsx')).toBe('continuity');
    expect(layerOf('shared/kernel/days.ts')).toBe('kernel');
    expect(layerOf('electron/backend/areas.ts')).toBe('registry');
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
  it('the renderer asks with the kit’s askConfirm, never window.confirm (it blocks the page, says “OK” and cannot be styled)', () => {
    const offenders = sourceFiles('renderer').filter((f) => /(^|[^\w.])(window\.)?confirm\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(/(^|[^\w.])(window\.)?confirm\(/.test("if (window.confirm('Discard?'))")).toBe(true);
    expect(/(^|[^\w.])(window\.)?confirm\(/.test('await askConfirm({')).toBe(false);
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

describe('areas', () => {
  const edges = areaEdges();
  it('every area folder is one the dependency table knows', () => {
    const areas = new Set(edges.flatMap((e) => [e.from, e.to]).filter((l) => !['kernel', 'registry', 'shell'].includes(l)));
    expect([...areas].filter((a) => !Object.hasOwn(AREA_DEPENDENCIES, a))).toEqual([]);
  });
  it('an area imports only the kernel and the areas below it, in every process', () => {
    const bad = edges
      .filter((e) => Object.hasOwn(AREA_DEPENDENCIES, e.from) && Object.hasOwn(AREA_DEPENDENCIES, e.to))
      .filter((e) => !AREA_DEPENDENCIES[e.from]?.includes(e.to))
      .map((e) => `${e.file} → ${e.target} (${e.from} may not use ${e.to})`);
    expect(bad).toEqual([]);
  });
  it('the kernel imports no area', () => {
    const bad = edges.filter((e) => e.from === 'kernel' && Object.hasOwn(AREA_DEPENDENCIES, e.to)).map((e) => `${e.file} → ${e.target}`);
    expect(bad).toEqual([]);
  });
  it('nothing but a registry or a shell imports a registry (types of the contract and the audited entities excepted)', () => {
    const bad = edges
      .filter((e) => e.to === 'registry' && e.from !== 'shell' && !(e.typeOnly && /^shared\/(contract|entities)$/.test(stripExt(e.target))))
      // The renderer's contract client knows every procedure; the audit filter lists every audited entity.
      .filter((e) => !(e.from === 'kernel' && e.file.startsWith('renderer/src/api/') && stripExt(e.target) === 'shared/contract'))
      .filter((e) => !(stripExt(e.file) === 'shared/audit/contract' && stripExt(e.target) === 'shared/entities'))
      .map((e) => `${e.file} → ${e.target}`);
    expect(bad).toEqual([]);
  });
  it('the dependency table has no cycle', () => {
    const visit = (area: string, path: string[]): string[] =>
      path.includes(area) ? [[...path, area].join(' → ')] : (AREA_DEPENDENCIES[area] ?? []).flatMap((d) => visit(d, [...path, area]));
    expect(Object.keys(AREA_DEPENDENCIES).flatMap((a) => visit(a, []))).toEqual([]);
  });
});

describe('one clock', () => {
  const CLOCK_MODULES = ['electron/backend/core/clock.ts', 'renderer/src/app/clock.tsx'];
  it('nothing but the clock modules reads the wall clock (new Date() without arguments, Date.now())', () => {
    const files = ['shared', 'electron', 'renderer/src', 'test/support', 'test/bench'].flatMap(sourceFiles);
    const offenders = files.filter(
      (f) => !CLOCK_MODULES.includes(f) && /new Date\(\s*\)|Date\.now\(\)/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
  it('the check can fail', () => {
    expect(/new Date\(\s*\)|Date\.now\(\)/.test(readFileSync(join(ROOT, CLOCK_MODULES[0] as string), 'utf8'))).toBe(true);
  });
});
