import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { typeDefs as animalWelfareSdl } from '@aurora/animal-welfare';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger, ensureDevelopmentSigningKey, mintProviderToken, ProviderTokenVerifier, type RunningServer } from '@aurora/subgraph-kit';
import { readManifest } from '@aurora/schema';
import { SchemaRegistry } from '../registry';
import { createRegistryServer } from '../server';

const AUTH = { issuer: 'aurora-test', audience: 'aurora-network' };
const seedSubgraphs = () =>
  readManifest().map((entry) => ({ name: entry.name, url: entry.routingUrl, sdl: fs.readFileSync(entry.schemaFile, 'utf8'), owner: 'aurora-network' }));

let privateKeyFile: string;
let publicKeyFile: string;
const token = (organisation: string, scopes = ['subgraphs:publish']) =>
  mintProviderToken({ privateKeyFile, ...AUTH, subject: 'ci', organisation, scopes, expiresIn: '5m' });

async function start(directory: string): Promise<{ server: RunningServer; close: () => Promise<void> }> {
  const store = createEmbeddedStore({ directory });
  const registry = new SchemaRegistry(store, () => []);
  await registry.seed(seedSubgraphs());
  const server = await createRegistryServer(registry, new ProviderTokenVerifier({ ...AUTH, publicKeyFile }), createLogger('registry-test', 'silent')).listen(0);
  return {
    server,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

const publish = (base: string, name: string, body: unknown, bearer?: string) =>
  fetch(`${base}/subgraphs/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ({ privateKeyFile, publicKeyFile } = await ensureDevelopmentSigningKey(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-registry-keys-'))));
});

describe('the schema registry', () => {
  it('checks what providers publish, keeps every version across a restart, and rolls back', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-registry-'));
    let registry = await start(folder);
    let base = registry.server.url;
    const first = await fetch(`${base}/supergraph`);
    const firstEtag = first.headers.get('etag') as string;
    expect(first.status).toBe(200);
    expect((await fetch(`${base}/supergraph`, { headers: { 'if-none-match': firstEtag } })).status).toBe(304);

    const animalWelfare = { url: 'http://localhost:4005/graphql', sdl: animalWelfareSdl };
    expect((await publish(base, 'animal-welfare', animalWelfare)).status).toBe(401);
    const wrongOrganisation = await publish(base, 'kela', animalWelfare, await token('some-association'));
    expect(wrongOrganisation.status).toBe(403);
    expect(await wrongOrganisation.json()).toEqual({ code: 'FORBIDDEN', errors: ['Subgraph kela belongs to another organisation.'] });
    const malformed = await publish(base, 'animal-welfare', { url: animalWelfare.url, sdl: 'type Query {\n  animals(: Int\n}' }, await token('association-1'));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ code: 'BAD_USER_INPUT', errors: ['sdl line 2, column 11: Syntax Error: Expected Name, found ":".'] });
    const conflicting = await publish(
      base,
      'animal-welfare',
      { url: animalWelfare.url, sdl: '"Root." type Query { "Clash." service(id: ID!): Int }' },
      await token('association-1'),
    );
    expect(conflicting.status).toBe(422);
    const refusal = (await conflicting.json()) as { code: string; errors: { rule: string }[] };
    expect(refusal.code).toBe('SCHEMA_CHECK_FAILED');
    expect(refusal.errors[0]).toMatchObject({ rule: 'ownership/field', coordinate: 'Query.service', subgraph: 'animal-welfare' });
    expect(refusal.errors[1]?.rule).toMatch(/^composition\//);

    const accepted = await publish(base, 'animal-welfare', animalWelfare, await token('association-1'));
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toEqual({ version: 2, warnings: [] });
    const second = await fetch(`${base}/supergraph`, { headers: { 'if-none-match': firstEtag } });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('ANIMAL_WELFARE @join__graph(name: "animal-welfare", url: "http://localhost:4005/graphql")');
    expect(((await (await fetch(`${base}/subgraphs`)).json()) as { subgraphs: unknown[] }).subgraphs).toContainEqual({
      name: 'animal-welfare',
      url: 'http://localhost:4005/graphql',
      owner: 'association-1',
    });
    const again = await publish(base, 'animal-welfare', animalWelfare, await token('association-2'));
    expect(again.status).toBe(403);

    await registry.close();
    registry = await start(folder);
    base = registry.server.url;
    const history = (await (await fetch(`${base}/history`)).json()) as { versions: { version: number; change: { action: string; subgraph?: string } }[] };
    expect(history.versions.map((version) => [version.version, version.change.action, version.change.subgraph])).toEqual([
      [2, 'publish', 'animal-welfare'],
      [1, 'seed', undefined],
    ]);
    expect(
      (
        await fetch(`${base}/rollback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('association-1')}` },
          body: '{"version":1}',
        })
      ).status,
    ).toBe(403);
    const rolledBack = await fetch(`${base}/rollback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('aurora-network', ['network:admin'])}` },
      body: '{"version":1}',
    });
    expect(await rolledBack.json()).toEqual({ version: 3 });
    const restored = await fetch(`${base}/supergraph`);
    expect(restored.headers.get('etag')).toBe(firstEtag);
    expect(await restored.text()).not.toContain('animal-welfare');
    await registry.close();
  });
});
