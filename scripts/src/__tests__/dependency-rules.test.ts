import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise');

const made: string[] = [];
afterAll(() => {
  for (const folder of made) fs.rmSync(folder, { recursive: true, force: true });
});

/** A throwaway tree shaped like the repository's, each file's imports given as relative paths; removed after the suite. */
function tree(files: Record<string, string[]>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-dependency-rules-'));
  made.push(folder);
  fs.writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
  for (const [file, imports] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    const specifier = (target: string) => {
      const relative = path.relative(path.dirname(file), target).replace(/\.ts$/, '');
      return relative.startsWith('.') ? relative : `./${relative}`;
    };
    const lines = imports.map((target, index) => `import { value as v${index} } from '${specifier(target)}';`);
    fs.writeFileSync(path.join(folder, file), `${lines.join('\n')}\nexport const value = 1;\n`);
  }
  return folder;
}

/** Runs the repository's dependency rules (`npm run lint:deps`) over a tree; the exit code and what it printed. */
function cruise(folder: string): { status: number | null; output: string } {
  const present = ['subgraphs', 'packages', 'router', 'schema', 'registry', 'scripts'].filter((name) => fs.existsSync(path.join(folder, name)));
  const run = spawnSync(DEPCRUISE, [...present, '--config', CONFIG], { cwd: folder, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the dependency rules of the README', () => {
  it('let a subgraph import a shared package', () => {
    const result = cruise(tree({ 'subgraphs/kela/src/index.ts': ['packages/kit/src/index.ts'], 'packages/kit/src/index.ts': [] }));
    expect(result.output).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'a subgraph importing another',
      'subgraph-imports-subgraph',
      { 'subgraphs/kela/src/index.ts': ['subgraphs/mikkeli/src/index.ts'], 'subgraphs/mikkeli/src/index.ts': [] },
    ],
    [
      'a subgraph importing the router',
      'subgraph-imports-router-or-schema',
      { 'subgraphs/kela/src/index.ts': ['router/src/index.ts'], 'router/src/index.ts': [] },
    ],
    [
      'the router importing a subgraph',
      'router-imports-subgraph',
      { 'router/src/index.ts': ['subgraphs/kela/src/index.ts'], 'subgraphs/kela/src/index.ts': [] },
    ],
    [
      'a shared package importing a subgraph',
      'package-imports-workspace-above',
      { 'packages/kit/src/index.ts': ['subgraphs/kela/src/index.ts'], 'subgraphs/kela/src/index.ts': [] },
    ],
    [
      'the router importing the subgraph kit',
      'router-imports-subgraph-kit',
      { 'router/src/index.ts': ['packages/subgraph-kit/src/index.ts'], 'packages/subgraph-kit/src/index.ts': [] },
    ],
    [
      'the build-time schema workspace importing the registry',
      'schema-imports-registry',
      { 'schema/src/index.ts': ['registry/src/index.ts'], 'registry/src/index.ts': [] },
    ],
    ['an import cycle', 'no-circular', { 'router/src/a.ts': ['router/src/b.ts'], 'router/src/b.ts': ['router/src/a.ts'] }],
  ])('refuse %s, naming the rule', (_label, rule, files) => {
    const result = cruise(tree(files));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`error ${rule}:`);
  });
});
