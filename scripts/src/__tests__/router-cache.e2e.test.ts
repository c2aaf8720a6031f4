import { startTestNetwork, type TestNetwork } from '../e2e/network';

let network: TestNetwork;

beforeAll(async () => {
  network = await startTestNetwork({ responseCache: true });
}, 60_000);

afterAll(() => network.close());

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(network.routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { body: (await response.json()) as { data?: any; errors?: unknown[] }, cacheControl: response.headers.get('cache-control') };
}

const CROSS = '{ services(filter: { municipalities: ["491"] }, first: 3) { edges { node { id name benefits { name } } } } }';

describe('response caching in the router', () => {
  it('answers an identical anonymous query from the cache, with the same answer', async () => {
    network.reset();
    const first = await post(CROSS);
    expect(first.cacheControl).toBe('max-age=30, public');
    const calls = network.traffic['service-directory'].requests.length + network.traffic.kela.requests.length;
    expect(calls).toBeGreaterThan(1);
    const second = await post(CROSS);
    expect(second.body).toEqual(first.body);
    expect(network.traffic['service-directory'].requests.length + network.traffic.kela.requests.length).toBe(calls);
  });

  it('never caches or shares an answer given to someone with a token', async () => {
    const token = ((await (await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' })).json()) as { token: string }).token;
    network.reset();
    const signedIn = await post(CROSS, { authorization: `Bearer ${token}` });
    expect(signedIn.cacheControl).toBe('max-age=30, private');
    await post(CROSS, { authorization: `Bearer ${token}` });
    expect(network.traffic['service-directory'].requests).toEqual(['query', 'query']);
  });

  it('does not cache what a subgraph without cache hints answers', async () => {
    network.reset();
    const query = '{ recommendationIndex { services } }';
    const first = await post(query);
    expect(first.cacheControl).toBe('no-store');
    await post(query);
    expect(network.traffic.recommendation.requests).toEqual(['query', 'query']);
  });
});
