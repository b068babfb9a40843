// Design tokens (renderer/src/styles.css): the only place a colour is written, and every token used is defined.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('design tokens', () => {
  const src = join(resolve(__dirname, '../..'), 'renderer/src');
  const css = (path: string) => readFileSync(join(src, path), 'utf8');
  // Every stylesheet, so one added later is held to the same rules.
  const sheets = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.css'));

  it('finds the stylesheets', () => {
    expect(sheets).toContain('styles.css');
  });

  it('every var() a stylesheet uses is defined (a renamed token cannot silently drop a colour)', () => {
    const all = sheets.map(css).join('\n');
    const defined = new Set([...all.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    // --bar is set inline per client by the timeline, and the rule carries a fallback.
    const used = [...all.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]).filter((name) => name !== '--bar');
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('colours are written only in the token definitions', () => {
    const raw = /#[0-9a-fA-F]{3,8}\b|rgba?\(/;
    const outside = sheets.flatMap((sheet) =>
      css(sheet)
        .split('\n')
        .filter((line) => raw.test(line) && !/^\s*--[a-z0-9-]+:/.test(line))
        .map((line) => `${sheet}: ${line.trim()}`),
    );
    expect(outside).toEqual([]);
  });
});
