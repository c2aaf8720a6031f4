import { startTestNetwork, type TestNetwork } from '../e2e/network';

let network: TestNetwork;

beforeAll(async () => {
  network = await startTestNetwork();
}, 60_000);

afterAll(() => network.close());

const HOUSING_IN_MIKKELI = `query Housing($first: Int) {
  services(filter: { serviceClasses: ["P1"], municipalities: ["491"] }, first: $first) {
    totalCount
    edges {
      node {
        id
        name(language: FI)
        benefits { name(language: EN) }
        channels {
          __typename
          ... on ServiceLocationChannel { name visitingDetails { accessibility appointmentRequired } }
        }
      }
    }
  }
}`;

describe('the supergraph through the router', () => {
  it('answers the README query with more than 1,800 real services', async () => {
    const body = await network.query('{ services(first: 5) { totalCount edges { node { id name(language: FI) provider { name(language: FI) } } } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.services.totalCount).toBeGreaterThanOrEqual(1800);
    expect(body.data.services.edges.map((edge: any) => edge.node.name)).toEqual([
      '10-luokka (lisäopetus)',
      '10-luokka (perusopetuksen lisäopetus)',
      'Adoptio',
      'Adoptioneuvonta',
      'Adoptioneuvonta',
    ]);
  });

  it('combines three subgraphs in one answer', async () => {
    const body = await network.query(HOUSING_IN_MIKKELI, { first: 20 });
    expect(body.errors).toBeUndefined();
    const byId = new Map(body.data.services.edges.map((edge: any) => [edge.node.id, edge.node]));
    const rental: any = byId.get('eb667d14-2c85-56b5-affa-5c2805cef16c');
    expect(rental.name).toBe('Aravavuokra-asunnot');
    expect(rental.benefits).toEqual([{ name: 'General housing allowance' }]);
    expect(rental.channels.some((channel: any) => channel.__typename === 'ServiceLocationChannel')).toBe(true);
    const rightOfOccupancy: any = byId.get('494dffb5-d2ac-5a3a-b08d-36620d325aa4');
    expect(rightOfOccupancy.name).toBe('Asumisoikeusasunnot');
    expect(rightOfOccupancy.benefits).toEqual([{ name: 'General housing allowance' }]);
    const ristiina = rightOfOccupancy.channels.find((channel: any) => channel.name === 'Ristiinan yhteispalvelupiste');
    expect(ristiina.visitingDetails).toEqual({ accessibility: ['STEP_FREE_ENTRANCE'], appointmentRequired: false });
  });

  it.each([2, 8])('sends one request per subgraph per level and one store query per batch (first: %i)', async (first) => {
    network.reset();
    const body = await network.query(HOUSING_IN_MIKKELI, { first });
    expect(body.errors).toBeUndefined();
    expect(body.data.services.edges.length).toBe(first);
    expect(network.traffic['service-directory'].requests).toEqual(['query']);
    expect(network.traffic.kela.requests).toEqual(['_entities']);
    expect(network.traffic.mikkeli.requests).toEqual(['_entities']);
    // The page, its count, and all channels of the page in one batch.
    expect(network.traffic['service-directory'].storeOperations).toEqual([
      { collection: 'services', operation: 'find' },
      { collection: 'services', operation: 'countDocuments' },
      { collection: 'channels', operation: 'find' },
    ]);
    expect(network.traffic.kela.storeOperations).toEqual([{ collection: 'benefits', operation: 'find' }]);
    expect(network.traffic.mikkeli.storeOperations).toEqual([{ collection: 'visitingDetails', operation: 'find' }]);
  });

  it('passes coded errors through and answers unknown ids with null', async () => {
    const tooMany = await network.query('{ services(first: 101) { totalCount } }');
    expect(tooMany.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors[0].message).toBe('"first" must be a whole number from 0 to 100; it was 101.');
    const cursor = await network.query('{ services(after: "%%%") { totalCount } }');
    expect(cursor.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await network.query('{ service(id: "no-such-service") { id benefits { name } } }');
    expect(unknown).toEqual({ data: { service: null } });
  });

  it('passes a provider token through to the directory, and no other credential', async () => {
    const { data } = await network.query('{ services(filter: { lifeEvents: ["KE4.1"] }, first: 1) { edges { node { provider { id } } } } }');
    const organisation = data.services.edges[0].node.provider.id;
    const publish = 'mutation { publishService(input: { name: { fi: "Muuttoneuvonta" }, areaType: NATIONWIDE }) { id provider { id } benefits { name } } }';
    const token = await network.providerToken(organisation);
    network.reset();
    const withToken = await network.query(publish, {}, { authorization: `Bearer ${token}` });
    expect(withToken.errors).toBeUndefined();
    expect(network.traffic['service-directory'].authorizations).toEqual([`Bearer ${token}`]);
    expect(withToken.data.publishService).toMatchObject({ provider: { id: organisation }, benefits: [] });
    network.reset();
    const withOpaqueSecret = await network.query(publish, {}, { authorization: 'Bearer 3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(withOpaqueSecret.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(network.traffic['service-directory'].authorizations).toEqual([undefined]);
  });

  it("answers with the other subgraphs' data when one is down, and fully again once it is back", async () => {
    await network.stopSubgraph('mikkeli');
    try {
      const partial = await network.query(HOUSING_IN_MIKKELI, { first: 8 });
      expect(partial.data.services.totalCount).toBe(8);
      const rental = partial.data.services.edges.find((edge: any) => edge.node.name === 'Aravavuokra-asunnot').node;
      expect(rental.benefits).toEqual([{ name: 'General housing allowance' }]);
      const locations = rental.channels.filter((channel: any) => channel.__typename === 'ServiceLocationChannel');
      expect(locations.length).toBeGreaterThan(0);
      for (const location of locations) expect(location.visitingDetails).toBeNull();
      expect(partial.errors.map((error: any) => error.extensions.code)).toContain('SUBGRAPH_UNAVAILABLE');
      expect(partial.errors[0].message).toContain('mikkeli');
    } finally {
      await network.restartSubgraph('mikkeli');
    }
    const full = await network.query(HOUSING_IN_MIKKELI, { first: 8 });
    expect(full.errors).toBeUndefined();
    const ristiina = full.data.services.edges
      .flatMap((edge: any) => edge.node.channels)
      .find((channel: any) => channel.name === 'Ristiinan yhteispalvelupiste');
    expect(ristiina.visitingDetails).toEqual({ accessibility: ['STEP_FREE_ENTRANCE'], appointmentRequired: false });
  });
});
