import { startTestNetwork, type TestNetwork } from '../e2e/network';

/**
 * A first start: the recommendation engine has an empty store until it has read the catalogue
 * through the router. Until then the router's /ready (what `npm start` waits for) says so, and a
 * recommendation gets NOT_READY with a retry hint, never an empty list that reads as a result.
 */
let network: TestNetwork;
const RECOMMEND = '{ recommendServicePackages(situation: { lifeEvents: ["KE8"], municipality: "491" }, first: 2) { title services { id name } } }';

beforeAll(async () => {
  network = await startTestNetwork();
}, 60_000);
afterAll(() => network.close());

describe('readiness that tells the truth', () => {
  it('is not ready, and says NOT_READY, until the engine has read the catalogue; then answers with packages', async () => {
    const before = await fetch(network.routerUrl.replace('/graphql', '/ready'));
    expect(before.status).toBe(503);
    expect(((await before.json()) as { subgraphs: Record<string, string> }).subgraphs).toMatchObject({
      recommendation: 'starting',
      'service-directory': 'up',
      profile: 'up',
    });

    const started = Date.now();
    const early = await network.query(RECOMMEND);
    expect(Date.now() - started).toBeLessThan(10_000); // it waits briefly, then says so
    expect(early.data).toBeNull();
    expect(early.errors).toEqual([
      expect.objectContaining({
        message: 'The recommendation engine is still reading the service catalogue after starting; try again in a few seconds.',
        extensions: expect.objectContaining({ code: 'NOT_READY', retryAfterSeconds: 5 }),
      }),
    ]);

    await network.syncCatalogue();
    const after = await fetch(network.routerUrl.replace('/graphql', '/ready'));
    expect(after.status).toBe(200);
    const ready = await network.query(RECOMMEND);
    expect(ready.errors).toBeUndefined();
    expect(ready.data.recommendServicePackages.length).toBe(2);
    for (const pack of ready.data.recommendServicePackages) expect(pack.services.length).toBeGreaterThanOrEqual(3);
  });
});
