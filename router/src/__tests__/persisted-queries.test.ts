import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeServices } from '@apollo/composition';
import { createEmbeddedStore } from '@aurora/store';
import { buildSubgraphFromSdl, createLogger, createSubgraphServer, federationLink, type RunningServer } from '@aurora/subgraph-kit';
import { parse } from 'graphql';
import { createRouter, readSafelist } from '../index';

const logger = createLogger('persisted-test', 'silent');
const typeDefs = 'type Query { "A greeting." greeting: String "A secret." internal: String }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ALLOWED = 'query Greeting { greeting }';

let subgraph: RunningServer;
const routers: RunningServer[] = [];

async function router(safelist?: Map<string, string>): Promise<RunningServer> {
  const composed = composeServices([{ name: 'greeter', url: subgraph.url, typeDefs: parse(`${federationLink()}\n${typeDefs}`) }]);
  if (composed.errors) throw composed.errors[0];
  const running = await createRouter({
    supergraph: { sdl: composed.supergraphSdl },
    logger,
    routerKey: randomBytes(32),
    personalDataSecret: 'x'.repeat(43),
    store: createEmbeddedStore(),
    safelist,
  }).listen(0);
  routers.push(running);
  return running;
}

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as any };
};

beforeAll(async () => {
  const schema = buildSubgraphFromSdl(typeDefs, { Query: { greeting: () => 'Hei', internal: () => 'x' } });
  subgraph = await createSubgraphServer({ name: 'greeter', schema, logger, context: () => ({}) }).listen(0);
});
afterAll(async () => {
  for (const running of routers) await running.close();
  await subgraph.close();
});

describe('persisted queries', () => {
  it('registers and then answers automatic persisted queries by hash', async () => {
    const { url } = await router();
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(ALLOWED) } };
    const unknown = await post(url, { extensions });
    expect(unknown.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(url, { query: ALLOWED, extensions })).json).toEqual({ data: { greeting: 'Hei' } });
    expect((await post(url, { extensions })).json).toEqual({ data: { greeting: 'Hei' } });
  });

  it("runs only the manifest's operations in safelist mode, by id or by text", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-pq-')), 'manifest.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(ALLOWED), name: 'Greeting', type: 'query', body: ALLOWED }],
      }),
    );
    const { url } = await router(readSafelist(file));
    expect((await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ALLOWED) } } })).json).toEqual({ data: { greeting: 'Hei' } });
    expect((await post(url, { query: ALLOWED })).json).toEqual({ data: { greeting: 'Hei' } });
    const refused = await post(url, { query: '{ internal }' });
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0].extensions.code).toBe('FORBIDDEN');
    fs.writeFileSync(file, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'abc', body: ALLOWED }] }));
    expect(() => readSafelist(file)).toThrow('has an id that is not the SHA-256 of its body');
  });
});
