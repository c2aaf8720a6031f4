import { createAnimalWelfareSubgraph, publishServices, readData, typeDefs } from '@aurora/animal-welfare';
import { startTestNetwork, type TestNetwork } from '../e2e/network';

let network: TestNetwork;

beforeAll(async () => {
  network = await startTestNetwork({ withRegistry: { pollMs: 300 } });
}, 60_000);
afterAll(() => network.close());

async function publish(name: string, url: string, sdl: string, token: string) {
  const response = await fetch(`${network.registryUrl}/subgraphs/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ url, sdl }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** A bounded load loop: `workers` clients send queries until told to stop, counting failures. */
function loadLoop(workers: number) {
  let running = true;
  const counts = { requests: 0, failures: 0 };
  const done = Promise.all(
    Array.from({ length: workers }, async () => {
      while (running && counts.requests < 20_000) {
        const body = await network.query('{ services(first: 3) { totalCount edges { node { name benefits { name } } } } }').catch(() => null);
        counts.requests += 1;
        if (!body || body.errors || !(body.data?.services?.totalCount > 1800)) counts.failures += 1;
      }
    }),
  );
  return {
    counts,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe('an organisation joins the running network', () => {
  it('publishes a plain graphql-js subgraph: its fields answer within 10 s, no request fails during the swap', async () => {
    const association = readData();
    const subgraph = await createAnimalWelfareSubgraph(association).listen(0);
    const load = loadLoop(4);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const token = await network.providerToken(association.organisationId, ['subgraphs:publish', 'services:write']);
      const published = await publish('animal-welfare', subgraph.url, typeDefs, token);
      expect(published).toEqual({ status: 201, body: { version: 2, warnings: [] } });
      const started = Date.now();
      let answer: any = null;
      while (Date.now() - started < 10_000) {
        answer = await network.query(
          'query($org: ID!) { organisation(id: $org) { name adoptableAnimals { name species } } adoptableAnimals(first: 1) { totalCount } }',
          { org: association.organisationId },
        );
        if (!answer.errors) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(answer.data).toEqual({
        organisation: {
          name: 'Mikkelin eläinsuojeluyhdistys ry',
          adoptableAnimals: [
            { name: 'Nappi', species: 'DOG' },
            { name: 'Pupu', species: 'RABBIT' },
            { name: 'Viiru', species: 'CAT' },
          ],
        },
        adoptableAnimals: { totalCount: 3 },
      });

      // Its services appear in the directory, published with the association's own token.
      expect(await publishServices(network.routerUrl, token, association)).toEqual(['Kodittomien eläinten adoptio', 'Löytöeläinten vastaanotto']);
      expect(await publishServices(network.routerUrl, token, association)).toEqual([]);
      const found = await network.query(
        'query($org: ID!) { services(filter: { organisations: [$org] }, first: 3) { edges { node { name provider { name adoptableAnimals { name } } } } } }',
        { org: association.organisationId },
      );
      expect(found.data.services.edges[0].node).toEqual({
        name: 'Kodittomien eläinten adoptio',
        provider: { name: 'Mikkelin eläinsuojeluyhdistys ry', adoptableAnimals: [{ name: 'Nappi' }, { name: 'Pupu' }, { name: 'Viiru' }] },
      });
      const searched = await network.query(
        '{ services(filter: { text: "kodittomien eläinten adoptio", municipalities: ["491"] }, first: 10) { edges { node { name } } } }',
      );
      expect(searched.data.services.edges.map((edge: any) => edge.node.name)).toContain('Kodittomien eläinten adoptio');

      // A schema that does not compose is refused, and the network keeps answering.
      const refused = await publish('animal-welfare', subgraph.url, '"Root." type Query { "Clash." service(id: ID!): Int }', token);
      expect(refused.status).toBe(422);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await network.query('{ adoptableAnimals(first: 1) { totalCount } }')).data).toEqual({ adoptableAnimals: { totalCount: 3 } });
    } finally {
      await load.stop();
      await subgraph.close();
    }
    expect(load.counts.requests).toBeGreaterThan(20);
    expect(load.counts.failures).toBe(0);
  });

  it('refuses unauthenticated and foreign publishes', async () => {
    const anonymous = await fetch(`${network.registryUrl}/subgraphs/animal-welfare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"url":"http://x/graphql","sdl":"type Query { a: Int }"}',
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    const foreign = await publish('animal-welfare', 'http://x/graphql', typeDefs, await network.providerToken('another-association', ['subgraphs:publish']));
    expect(foreign).toEqual({ status: 403, body: { code: 'FORBIDDEN', errors: ['Subgraph animal-welfare belongs to another organisation.'] } });
  });
  it("keeps the router ready while a provider's subgraph is down, and forgets it once the registry rolls it back", async () => {
    await network.syncCatalogue(); // the engine, a core subgraph, is ready once it has read the catalogue
    const ready = async () => {
      const response = await fetch(network.routerUrl.replace('/graphql', '/ready'));
      return { status: response.status, body: (await response.json()) as { status: string; subgraphs: Record<string, string> } };
    };
    // The association's subgraph is published at an address where nothing answers: it is down.
    const association = readData();
    const token = await network.providerToken(association.organisationId, ['subgraphs:publish']);
    expect((await publish('animal-welfare', 'http://127.0.0.1:9/graphql', typeDefs, token)).status).toBe(201);
    let down = await ready();
    for (const started = Date.now(); !down.body.subgraphs['animal-welfare'] && Date.now() - started < 10_000; down = await ready())
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('degraded');
    expect(down.body.subgraphs['animal-welfare']).toBe('down');
    expect(down.body.subgraphs['service-directory']).toBe('up');
    // Reported in metrics too, without gating.
    const metrics = () => fetch(network.routerUrl.replace('/graphql', '/metrics')).then((response) => response.text());
    const downMetrics = await metrics();
    expect(downMetrics).toContain('aurora_router_subgraph_up{subgraph="animal-welfare"} 0');
    expect(downMetrics).toContain('aurora_router_subgraph_up{subgraph="service-directory"} 1');
    const admin = await network.providerToken('aurora-network', ['network:admin']);
    const rolledBack = await fetch(`${network.registryUrl}/rollback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ version: 1 }),
    });
    expect(rolledBack.status).toBe(201);
    const started = Date.now();
    let after = await ready();
    while (after.body.subgraphs['animal-welfare'] && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await ready();
    }
    expect(after).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(await metrics()).not.toContain('aurora_router_subgraph_up{subgraph="animal-welfare"}');
    expect(Object.keys(after.body.subgraphs)).not.toContain('animal-welfare');
  });
});
