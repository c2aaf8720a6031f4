import { startTestNetwork, type TestNetwork } from '../e2e/network';

let network: TestNetwork;
let identity: string;
let staffToken: string;
let otherScopeToken: string;
const RISTIINA = '80a1280e-fb30-5227-85a7-3c30e7bd7c18';

beforeAll(async () => {
  network = await startTestNetwork();
  identity = ((await (await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' })).json()) as { token: string }).token;
  staffToken = await network.providerToken('mikkeli-city', ['mikkeli:staff']);
  otherScopeToken = await network.providerToken('mikkeli-city', ['services:write']);
}, 60_000);
afterAll(() => network.close());

const as = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

const PATHS: [string, string, (data: any) => any][] = [
  ['directly', `{ mikkeliVisitingDetails(serviceLocationId: "${RISTIINA}") { parking staffNotes directPhone } }`, (data) => data.mikkeliVisitingDetails],
  [
    'through an entity',
    '{ services(filter: { serviceClasses: ["P1"], municipalities: ["491"] }, first: 8) { edges { node { name channels { ... on ServiceLocationChannel { id visitingDetails { parking staffNotes directPhone } } } } } } }',
    (data) => data.services.edges.flatMap((edge: any) => edge.node.channels).find((channel: any) => channel.id === RISTIINA).visitingDetails,
  ],
  [
    'through a fragment',
    `query { mikkeliVisitingDetails(serviceLocationId: "${RISTIINA}") { ...Visit } } fragment Visit on VisitingDetails { parking staffNotes directPhone }`,
    (data) => data.mikkeliVisitingDetails,
  ],
  [
    'through an alias',
    `{ mikkeliVisitingDetails(serviceLocationId: "${RISTIINA}") { parking staffNotes: parking secret: staffNotes phone: directPhone } }`,
    (data) => ({
      parking: data.mikkeliVisitingDetails.parking,
      staffNotes: data.mikkeliVisitingDetails.secret,
      directPhone: data.mikkeliVisitingDetails.phone,
    }),
  ],
];

describe('restricted fields, enforced by the router', () => {
  it.each(PATHS)('are never answered without the right token or scope (%s); open fields still answer', async (_label, query, pick) => {
    for (const [caller, token, staffNotes, directPhone] of [
      ['nobody', undefined, 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
      ['a person', identity, 'FORBIDDEN', 'ok'],
      ['a provider without the scope', otherScopeToken, 'FORBIDDEN', 'ok'],
      ['the city staff', staffToken, 'ok', 'ok'],
    ] as const) {
      network.reset();
      const body = await network.query(query, {}, as(token));
      const details = pick(body.data);
      expect({ caller, parking: details.parking }).toEqual({ caller, parking: 'Maksuton pysäköinti.' });
      const codes = (body.errors ?? []).map((error: any) => error.extensions.code);
      if (staffNotes === 'ok') expect(details.staffNotes).toMatch(/esimerkki/);
      else {
        expect({ caller, staffNotes: details.staffNotes }).toEqual({ caller, staffNotes: null });
        expect(codes).toContain(staffNotes);
        // The subgraph was never asked for it.
        expect(network.traffic.mikkeli.queries.join('\n')).not.toMatch(/staffNotes(?!\s*:)/);
      }
      if (directPhone === 'ok') expect(details.directPhone).toBe('015 194 0000');
      else expect(details.directPhone).toBeNull();
      if (staffNotes !== 'ok') expect(JSON.stringify(body)).not.toContain('Avainkoodi');
    }
    // After the staff's full answer, nobody may get it from a cached plan.
    expect(pick((await network.query(query, {}, as(staffToken))).data).staffNotes).toMatch(/esimerkki/);
    const after = await network.query(query, {});
    expect(pick(after.data).staffNotes).toBeNull();
    expect(JSON.stringify(after)).not.toContain('Avainkoodi');
  });
});
