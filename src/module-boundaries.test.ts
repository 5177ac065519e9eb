import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './core/project-root.js';

/**
 * The import rules each folder's README states ("May import: …") are checked here, so a
 * boundary cannot erode quietly: the domain never reaches into the edges, and the modules form
 * a layering without cycles. Tests are exempt (they sit at the edge and may open a store).
 */
const SRC = join(projectRoot(), 'src');

function modules(): string[] {
  return readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
}

/** The modules a README allows, read from its "May import:" line. */
function allowedImports(module: string): Set<string> | 'everything' {
  const readme = readFileSync(join(SRC, module, 'README.md'), 'utf8');
  const start = readme.search(/^May import/m);
  if (start < 0) throw new Error(`src/${module}/README.md has no "May import" paragraph`);
  const line = readme.slice(start).split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ') ?? '';
  const clause = line.split(/\.\s+(Never|Nothing)/)[0] ?? line;
  if (/May import everything/.test(clause)) return 'everything';
  const known = new Set(modules());
  return new Set([...clause.matchAll(/`(?:src\/)?([a-z-]+)[^`]*`/g)].map((m) => m[1] ?? '').filter((name) => known.has(name)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every module a file imports from, other than its own (relative imports only; packages are not ours). */
function importedModules(file: string): { module: string; line: number }[] {
  const own = relative(SRC, file).split(sep)[0];
  const text = readFileSync(file, 'utf8');
  const found: { module: string; line: number }[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
    const target = match[1] ?? match[2] ?? '';
    const path = relative(SRC, resolve(dirname(file), target));
    if (path.startsWith('..')) continue; // test/ support or the project root: not a src module
    const module = path.split(sep)[0] ?? '';
    if (module !== own && module !== '' && !module.endsWith('.js')) found.push({ module, line: text.slice(0, match.index).split('\n').length + 1 });
  }
  return found;
}

describe('module boundaries (the "May import" line of each src/ folder README)', () => {
  it('every import from another module is one its README allows', () => {
    const violations: string[] = [];
    for (const module of modules()) {
      const allowed = allowedImports(module);
      if (allowed === 'everything') continue;
      for (const file of sourceFiles(join(SRC, module))) {
        for (const { module: target, line } of importedModules(file)) {
          if (!allowed.has(target)) violations.push(`${relative(SRC, file)}:${line} imports ${target}, which src/${module}/README.md does not allow`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('modules import each other without cycles', () => {
    const edges = new Map<string, Set<string>>();
    for (const module of modules()) {
      const targets = new Set<string>();
      for (const file of sourceFiles(join(SRC, module))) for (const { module: target } of importedModules(file)) targets.add(target);
      edges.set(module, targets);
    }
    const cycles: string[] = [];
    const visit = (path: string[]): void => {
      const last = path[path.length - 1] ?? '';
      for (const next of edges.get(last) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next) && next > (path[0] ?? '')) visit([...path, next]);
      }
    };
    for (const module of modules()) visit([module]);
    expect(cycles).toEqual([]);
  });

  it('the check sees real imports (a module that imports the store is caught)', () => {
    const store = importedModules(join(SRC, 'app', 'open-registry.ts')).map((i) => i.module);
    expect(store).toContain('store');
    expect(store).toContain('registry');
  });
});
