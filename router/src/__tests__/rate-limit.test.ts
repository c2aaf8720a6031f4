import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { composeServices } from '@apollo/composition';
import { createEmbeddedStore } from '@aurora/store';
import {
  buildSubgraphFromSdl,
  createLogger,
  createSubgraphServer,
  ensureDevelopmentSigningKey,
  federationLink,
  mintProviderToken,
  type RunningServer,
} from '@aurora/subgraph-kit';
import { parse } from 'graphql';
import { createRouter, loadConfig, newIdentityToken } from '../index';
import { routerPolicy } from '../config';

/** Real router, real subgraph: the limits count requests per address, identity and provider, and refuse with 429. */
const logger = createLogger('rate-limit-test', 'silent');
const typeDefs = 'type Query { "A greeting." greeting: String }';
let subgraph: RunningServer;
let router: RunningServer;
let calls = 0;
let composedSdl = '';
let keys: { privateKeyFile: string; publicKeyFile: string };
const auth = { issuer: 'aurora-test', audience: 'aurora-network' };

const ask = async (headers: Record<string, string> = {}) => {
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ greeting }' }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as any };
};
const times = async (count: number, headers: Record<string, string> = {}) => {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) statuses.push((await ask(headers)).status);
  return statuses;
};

beforeAll(async () => {
  const schema = buildSubgraphFromSdl(typeDefs, {
    Query: {
      greeting: () => {
        calls += 1;
        return 'Hei';
      },
    },
  });
  subgraph = await createSubgraphServer({ name: 'greeter', schema, logger, context: () => ({}) }).listen(0);
  const composed = composeServices([{ name: 'greeter', url: subgraph.url, typeDefs: parse(`${federationLink()}\n${typeDefs}`) }]);
  if (composed.errors) throw composed.errors[0];
  composedSdl = composed.supergraphSdl;
  keys = await ensureDevelopmentSigningKey(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-rate-keys-')));
  router = await createRouter({
    supergraph: { sdl: composed.supergraphSdl },
    logger,
    routerKey: randomBytes(32),
    personalDataSecret: randomBytes(32).toString('base64url'),
    store: createEmbeddedStore(),
    providerAuth: { ...auth, publicKeyFile: keys.publicKeyFile },
    // Address 12 a minute; each identity 3; each provider organisation 5.
    rateLimits: { perAddress: 12, perIdentity: 3, perProvider: 5, windowSeconds: 60 },
  }).listen(0);
});

afterAll(async () => {
  await router.close();
  await subgraph.close();
});

describe('rate limits', () => {
  it('refuses an identity past its limit with RATE_LIMITED and Retry-After, and never reaches the subgraph for it', async () => {
    const alice = { authorization: `Bearer ${newIdentityToken()}` };
    const before = calls;
    expect(await times(3, alice)).toEqual([200, 200, 200]);
    const refused = await ask(alice);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.json).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Too many requests for this identity: at most 3 in 60 s\. Try again in \d+ s\.$/),
          extensions: { code: 'RATE_LIMITED', limit: 'identity', retryAfterSeconds: Number(refused.retryAfter) },
        },
      ],
    });
    expect(calls - before).toBe(3);
    // Another person is not held back by Alice.
    expect((await ask({ authorization: `Bearer ${newIdentityToken()}` })).status).toBe(200);
  });

  it("counts a provider's tokens together, by organisation", async () => {
    const token = (subject: string) =>
      mintProviderToken({ privateKeyFile: keys.privateKeyFile, ...auth, subject, organisation: 'org-a', scopes: [], expiresIn: '5m' });
    const first = { authorization: `Bearer ${await token('system-1')}` };
    const second = { authorization: `Bearer ${await token('system-2')}` };
    expect([...(await times(3, first)), ...(await times(2, second))]).toEqual([200, 200, 200, 200, 200]);
    const refused = await ask(second);
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'provider' });
  });

  it('holds one address to its limit whatever tokens it sends, /identity included, and says so in /metrics', async () => {
    // 3 + 1 + 1 + 5 + 1 requests above came from this address (refused ones count too); 12 are allowed.
    expect(await times(2)).toEqual([200, 429]);
    const fresh = await ask({ authorization: `Bearer ${newIdentityToken()}` });
    expect(fresh.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'address' });
    const identity = await fetch(router.url.replace('/graphql', '/identity'), { method: 'POST' });
    expect(identity.status).toBe(429);
    const metrics = await (await fetch(router.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toContain('aurora_router_rate_limited_total{limit="address"} 3');
    expect(metrics).toContain('aurora_router_rate_limited_total{limit="identity"} 1');
    expect(metrics).toContain('aurora_router_rate_limited_total{limit="provider"} 1');
  });

  it('counts across routers that share a store, as several routers do with MongoDB', async () => {
    const store = createEmbeddedStore();
    const supergraph = { sdl: composedSdl };
    const start = () =>
      createRouter({
        supergraph,
        logger,
        routerKey: randomBytes(32),
        personalDataSecret: randomBytes(32).toString('base64url'),
        store,
        rateLimits: { perAddress: 0, perIdentity: 4, perProvider: 0, windowSeconds: 60 },
        sharedRateLimits: true,
      }).listen(0);
    const [first, second] = [await start(), await start()];
    try {
      const bob = { 'content-type': 'application/json', authorization: `Bearer ${newIdentityToken()}` };
      const at = async (target: RunningServer) =>
        (await fetch(target.url, { method: 'POST', headers: bob, body: JSON.stringify({ query: '{ greeting }' }) })).status;
      // Four in all, whichever router each reaches.
      expect([await at(first), await at(second), await at(first), await at(second), await at(first), await at(second)]).toEqual([200, 200, 200, 200, 429, 429]);
      expect(await store.collection('rateLimitWindows').countDocuments({})).toBe(1);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("is on by default in the router's settings, and each limit can be set or turned off", () => {
    expect(routerPolicy(loadConfig({})).rateLimits).toEqual({ perAddress: 1200, perIdentity: 600, perProvider: 3000, windowSeconds: 60 });
    expect(routerPolicy(loadConfig({ AURORA_RATE_LIMIT_PER_ADDRESS: '0', AURORA_RATE_LIMIT_WINDOW_S: '10' })).rateLimits).toMatchObject({
      perAddress: 0,
      windowSeconds: 10,
    });
    expect(routerPolicy(loadConfig({ AURORA_TRUST_PROXY: '1' })).trustProxy).toBe(1);
    expect(routerPolicy(loadConfig({})).sharedRateLimits).toBe(false);
    expect(() => loadConfig({ AURORA_RATE_LIMIT_STORE: 'shared' })).toThrow(
      /AURORA_RATE_LIMIT_STORE: AURORA_RATE_LIMIT_STORE=shared counts in MongoDB: set MONGODB_URI too/,
    );
  });
});
