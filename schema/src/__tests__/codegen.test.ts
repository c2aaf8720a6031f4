import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ManifestEntry } from '@aurora/manifest';
import { GENERATED_FILE, generateResolverTypes, runCodegen, sdlFirstSubgraphs } from '../codegen';

function subgraphFolder(sdl: string, config?: object): ManifestEntry {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-codegen-'));
  fs.mkdirSync(path.join(folder, 'src'));
  fs.writeFileSync(path.join(folder, 'src', 'schema.graphql'), sdl);
  if (config) fs.writeFileSync(path.join(folder, 'codegen.json'), JSON.stringify(config));
  return { name: 'example', routingUrl: 'http://localhost:4101/graphql', port: 4101, schemaFile: '', packageName: '@aurora/example', folder, page: false };
}

const SDL = `type Query {
  "One event."
  event(id: ID!, language: Language): Event
}
"An event."
type Event @key(fields: "id") {
  "Its id."
  id: ID!
}
`;

describe('the generated resolver types', () => {
  it('are what every SDL-first subgraph has committed (npm run codegen:check)', async () => {
    expect(sdlFirstSubgraphs().map((entry) => entry.name)).toEqual(expect.arrayContaining(['service-directory', 'mikkeli', 'profile']));
    expect(await runCodegen(true)).toEqual([]);
  });

  it("type a subgraph's arguments, its shared value types, its context and its entities' references", async () => {
    const text = await generateResolverTypes(subgraphFolder(SDL, { contextType: '../context#EventContext', mappers: { Event: '../model#EventDocument' } }));
    expect(text).toContain('export type QueryEventArgs = {');
    expect(text).toMatch(/export type Language =[^;]*'FI'[^;]*'SV'[^;]*'EN'/);
    expect(text).toContain("import type { EventContext } from '../context';");
    expect(text).toContain("import type { EventDocument } from '../model';");
    expect(text).toMatch(/__resolveReference\?: ReferenceResolver</);
  });

  it('finds a file that is out of date, and writes it only when asked', async () => {
    const entry = subgraphFolder(SDL);
    expect(await runCodegen(true, [entry])).toEqual([{ subgraph: 'example', file: path.join(entry.folder, GENERATED_FILE) }]);
    expect(fs.existsSync(path.join(entry.folder, GENERATED_FILE))).toBe(false);
    await runCodegen(false, [entry]);
    expect(await runCodegen(true, [entry])).toEqual([]);
    fs.writeFileSync(path.join(entry.folder, 'src', 'schema.graphql'), SDL.replace('id: ID!', 'id: ID!\n  "Its name."\n  name: String'));
    expect((await runCodegen(true, [entry])).map((drift) => drift.subgraph)).toEqual(['example']);
  });

  it('names a broken codegen.json', async () => {
    const entry = subgraphFolder(SDL);
    fs.writeFileSync(path.join(entry.folder, 'codegen.json'), '{ not json');
    await expect(generateResolverTypes(entry)).rejects.toThrow(/codegen\.json: not valid JSON/);
  });
});
