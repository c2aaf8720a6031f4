import * as fs from 'node:fs';
import { readManifest, readSchemaModel } from '@aurora/schema';
import { startTestNetwork, type SubgraphName, type TestNetwork } from '../e2e/network';

/**
 * The README's promise, for each subgraph of the network being down in turn: every example query
 * answers everything the other subgraphs hold, and what only the stopped subgraph could answer
 * is null with a SUBGRAPH_UNAVAILABLE error naming it. Queries that never reach it answer as
 * before, without errors.
 */
let network: TestNetwork;
let person: Record<string, string>;

const QUERIES: Record<string, string> = {
  'the catalogue, page by page':
    '{ services(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name(language: FI) provider { name(language: FI) } } } } }',
  'one answer from three organisations': `{ services(filter: { serviceClasses: ["P1"], municipalities: ["491"] }, first: 10) { totalCount edges { node { name(language: FI) provider { name }
      benefits { name(language: EN) typicalProcessingDays }
      channels { __typename ... on ServiceLocationChannel { name visitingAddresses { street postalCode postOffice } serviceHours { days opens closes } visitingDetails { accessibility appointmentRequired } } } } } } }`,
  'life events and their services':
    '{ lifeEvents { code name(language: EN) parent { code } } services(filter: { lifeEvents: ["KE4"] }, first: 10) { totalCount edges { node { name(language: SV) lifeEvents { code } areaType areas { name } } } } }',
  'a search': `{ services(filter: { text: "day care for children", municipalities: ["491"], channelKinds: [SERVICE_LOCATION] }, first: 5) { totalCount searchLanguage
      edges { node { name(language: EN) channels { ... on ServiceLocationChannel { name visitingAddresses { street postOffice } serviceHours { type days opens closes validFrom validTo isClosed } } } } match { score fields snippet } } } }`,
  'service packages': `{ recommendServicePackages(situation: { lifeEvents: ["KE8"], municipality: "491", wellbeing: { finance: 2 }, language: EN }, first: 3) {
      title score explanation needs { id label weight }
      items { need { label } reasons wellbeingLabels { dimension source confidence } placeToVisit { nearness municipalityCode channel { name visitingAddresses { street postOffice } } } service { name provider { name } } } } }`,
  'my attributes and my packages': '{ me { attributes { age municipality lifeEvents } recommendations(first: 2) { title services { name } } } }',
  'the self-assessment meters': '{ wellbeingMeters(language: EN) { label explanation } }',
};

/** The field names a subgraph answers itself (not the ones it only marks external). */
const answeredBy = (name: SubgraphName): Set<string> => {
  const entry = readManifest().find((candidate) => candidate.name === name);
  const types = readSchemaModel(fs.readFileSync(entry?.schemaFile as string, 'utf8'));
  return new Set([...types.values()].flatMap((type) => [...type.fields].filter(([, field]) => !field.external).map(([field]) => field)));
};

/**
 * Where `down` differs from `up`: each place must be a null where `up` had a value. Returns each
 * nulled place as the nearest field name above it and the value it had; throws on any other difference.
 */
function nulledPlaces(up: unknown, down: unknown, field?: string): { field: string; had: unknown }[] {
  if (JSON.stringify(up) === JSON.stringify(down)) return [];
  // `data: null`: every root field of the query was lost.
  if (down === null) return field === undefined ? Object.entries(up as object).map(([key, had]) => ({ field: key, had })) : [{ field, had: up }];
  if (Array.isArray(up) && Array.isArray(down) && up.length === down.length) return up.flatMap((item, index) => nulledPlaces(item, down[index], field));
  if (up && down && typeof up === 'object' && typeof down === 'object' && !Array.isArray(up) && !Array.isArray(down)) {
    const keys = Object.keys(up);
    expect(Object.keys(down)).toEqual(keys);
    return keys.flatMap((key) => nulledPlaces((up as Record<string, unknown>)[key], (down as Record<string, unknown>)[key], key));
  }
  throw new Error(`At ${field ?? 'data'}, ${JSON.stringify(down)?.slice(0, 200)} instead of ${JSON.stringify(up)?.slice(0, 200)}`);
}

/** Whether every field inside a value was answered by the subgraph (a reference whose whole content is its). */
const entirelyFrom = (value: unknown, own: Set<string>): boolean =>
  Array.isArray(value)
    ? value.every((item) => entirelyFrom(item, own))
    : value && typeof value === 'object'
      ? Object.entries(value).every(([key, inner]) => (key === '__typename' || own.has(key)) && entirelyFrom(inner, own))
      : true;

const SUBGRAPHS = readManifest().map((entry) => entry.name) as SubgraphName[];
const answers: Record<string, { data: unknown; reached: SubgraphName[] }> = {};

beforeAll(async () => {
  network = await startTestNetwork();
  await network.syncCatalogue();
  const identity = await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' });
  person = { authorization: `Bearer ${((await identity.json()) as { token: string }).token}` };
  const setUp = await network.query('mutation { updateMyAttributes(input: { age: 34, municipality: "491", lifeEvents: ["KE8"] }) { handle } }', {}, person);
  expect(setUp.errors).toBeUndefined();
  expect(
    (await network.query('mutation { grantConsent(purpose: RECOMMENDATION, attributes: [AGE, MUNICIPALITY, LIFE_EVENTS]) { handle } }', {}, person)).errors,
  ).toBeUndefined();
  // Each query with every subgraph up: its full answer, and which subgraphs it reached.
  for (const [name, query] of Object.entries(QUERIES)) {
    network.reset();
    const body = await network.query(query, {}, person);
    expect({ name, errors: body.errors }).toEqual({ name, errors: undefined });
    answers[name] = { data: body.data, reached: SUBGRAPHS.filter((subgraph) => network.traffic[subgraph].requests.length > 0) };
  }
}, 180_000);

afterAll(() => network.close());

describe('one subgraph down, everything else answered', () => {
  it('reaches several subgraphs with the example queries, so that each outage is tried on real fan-out', () => {
    expect(answers['one answer from three organisations']?.reached).toEqual(['service-directory', 'kela', 'mikkeli']);
    expect(answers['my attributes and my packages']?.reached).toEqual(expect.arrayContaining(['profile', 'recommendation', 'service-directory']));
    expect(answers['service packages']?.reached).toEqual(expect.arrayContaining(['recommendation', 'service-directory']));
  });

  it.each(SUBGRAPHS)('with %s down', async (down) => {
    const own = answeredBy(down);
    await network.stopSubgraph(down);
    try {
      for (const [name, query] of Object.entries(QUERIES)) {
        const { data, reached } = answers[name] as { data: unknown; reached: SubgraphName[] };
        network.reset();
        const body = await network.query(query, {}, person);
        if (!reached.includes(down)) {
          // A query that never needed it answers exactly as before.
          expect({ name, errors: body.errors, same: JSON.stringify(body.data) === JSON.stringify(data) }).toEqual({ name, errors: undefined, same: true });
          continue;
        }
        // Only the stopped subgraph's fields are null, and every error names it.
        const lost = nulledPlaces(data, body.data).filter((place) => !own.has(place.field) && !entirelyFrom(place.had, own));
        expect({ name, lost: lost.map((place) => place.field) }).toEqual({ name, lost: [] });
        expect({ name, codes: [...new Set((body.errors ?? []).map((error: any) => `${error.extensions?.code} ${error.extensions?.serviceName}`))] }).toEqual({
          name,
          codes: [`SUBGRAPH_UNAVAILABLE ${down}`],
        });
      }
    } finally {
      await network.restartSubgraph(down);
    }
  });
});
