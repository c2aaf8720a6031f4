import { createEmbeddedStore } from '@aurora/store';
import { createLogger, type RunningServer } from '@aurora/subgraph-kit';
import { postGraphQL } from '@aurora/subgraph-kit/testing';
import { createServiceDirectory } from '../index';

const logger = createLogger('service-directory-test', 'silent');
let server: RunningServer;

const query = (text: string, variables: Record<string, unknown> = {}) => postGraphQL(server.url, text, variables);

beforeAll(async () => {
  const directory = await createServiceDirectory({ store: createEmbeddedStore(), logger });
  server = await directory.listen(0);
});

afterAll(() => server.close());

describe('service directory over the bundled catalogue', () => {
  it('lists more than 1,800 real services with names', async () => {
    const { data } = await query('{ services(first: 5) { totalCount edges { node { id name(language: FI) } } } }');
    expect(data.services.totalCount).toBeGreaterThanOrEqual(1800);
    expect(data.services.edges).toHaveLength(5);
    expect(data.services.edges[2].node.name).toBe('Adoptio');
  });

  it('answers one service with its provider, channels, codes and 3X10D labels', async () => {
    const { data } = await query(`{
      labelled: service(id: "ad75fe5d-cce3-4961-b764-4a93b98567ff") { name areaType areas { code name } wellbeingDimensions origin }
      general: service(id: "00101b14-33b7-4da8-8c13-3a994c50a472") { name(language: EN) generalDescriptionCode serviceClasses { code } origin }
      legacy: services(first: 1, filter: { organisations: [] , lifeEvents: ["KE4.1"] }) { edges { node { name provider { name type } channels { __typename } } } }
    }`);
    expect(data.labelled).toEqual({
      name: 'Aikuissosiaalityö',
      areaType: 'MUNICIPALITIES',
      areas: [{ code: '491', name: 'Mikkeli' }],
      wellbeingDimensions: ['FAMILY', 'FINANCE', 'HOUSING', 'RESILIENCE'],
      origin: 'LABELLED_CATALOGUE',
    });
    expect(data.general.generalDescriptionCode).toBe('SOTE-0016');
    expect(data.general.origin).toBe('GENERAL_DESCRIPTION');
    expect(data.general.serviceClasses.length).toBeGreaterThan(0);
    expect(data.legacy.edges[0].node).toEqual({
      name: 'Muuttoilmoitus Postille ja maistraatille',
      provider: { name: 'Maistraatti', type: 'STATE' },
      channels: [{ __typename: 'ElectronicChannel' }],
    });
  });

  it('falls back fi → sv → en for a missing translation', async () => {
    const { data } = await query('{ service(id: "ad75fe5d-cce3-4961-b764-4a93b98567ff") { sv: name(language: SV) en: name(language: EN) } }');
    expect(data.service).toEqual({ sv: 'Aikuissosiaalityö', en: 'Aikuissosiaalityö' });
  });

  it('widens a parent life event to its sub-events', async () => {
    const { data } = await query(`{
      parent: services(filter: { lifeEvents: ["KE4"] }) { totalCount }
      child: services(filter: { lifeEvents: ["KE4.1"] }) { totalCount }
      other: services(filter: { lifeEvents: ["KE4.2", "KE4.3", "KE4.4", "KE4"] }) { totalCount }
    }`);
    expect(data.parent.totalCount).toBeGreaterThan(data.child.totalCount);
    expect(data.child.totalCount).toBeGreaterThan(0);
    expect(data.other.totalCount).toBe(data.parent.totalCount);
  });

  it('offers a municipal service only where it is offered and nationwide services everywhere', async () => {
    const { data } = await query(`{
      mikkeli: services(filter: { municipalities: ["491"] }, first: 100) { totalCount edges { node { areaType areas { code } } } }
      oulu: services(filter: { municipalities: ["564"] }) { totalCount }
      nationwide: services(filter: { municipalities: ["020"] }) { totalCount }
    }`);
    for (const { node } of data.mikkeli.edges) {
      if (node.areaType === 'MUNICIPALITIES') expect(node.areas.map((area: { code: string }) => area.code)).toContain('491');
    }
    expect(data.mikkeli.totalCount).toBeGreaterThan(data.nationwide.totalCount);
    expect(data.oulu.totalCount).toBeGreaterThan(data.nationwide.totalCount);
  });

  it('lists an organisation and the services it provides', async () => {
    const { data: found } = await query('{ services(filter: { lifeEvents: ["KE4.1"] }, first: 1) { edges { node { provider { id } } } } }');
    const id = found.services.edges[0].node.provider.id;
    const { data } = await query(
      'query($id: ID!) { organisation(id: $id) { name type services(first: 10) { totalCount edges { node { provider { id } } } } } }',
      { id },
    );
    expect(data.organisation.name).toBe('Maistraatti');
    expect(data.organisation.services.totalCount).toBeGreaterThan(0);
    for (const edge of data.organisation.services.edges) expect(edge.node.provider.id).toBe(id);
    const { data: filtered } = await query('query($id: ID!) { services(filter: { organisations: [$id] }) { totalCount } }', { id });
    expect(filtered.services.totalCount).toBe(data.organisation.services.totalCount);
  });

  it('pages through a filtered list without duplicates or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 200; guard += 1) {
      const { data }: any = await query(
        'query($after: String) { services(filter: { municipalities: ["491"] }, first: 97, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        { after },
      );
      total = data.services.totalCount;
      seen.push(...data.services.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!data.services.pageInfo.hasNextPage) break;
      after = data.services.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
  });

  it('serves the code lists', async () => {
    const { data } = await query(
      '{ lifeEvents { code } serviceClasses { code parent { code } } targetGroups { code } municipalities { code region { code } } regions { code } }',
    );
    expect(data.lifeEvents.map((event: { code: string }) => event.code)).toContain('KE14');
    expect(data.serviceClasses.length).toBeGreaterThan(200);
    expect(data.targetGroups.length).toBe(17);
    expect(data.municipalities.length).toBe(309);
    expect(data.municipalities.find((m: { code: string }) => m.code === '491').region.code).toBe('10');
    expect(data.regions.length).toBe(19);
  });
});

describe('bad input', () => {
  it.each([
    ['first below 0', '{ services(first: -1) { totalCount } }', 'BAD_USER_INPUT', /from 0 to 100/],
    ['first above 100', '{ services(first: 101) { totalCount } }', 'BAD_USER_INPUT', /from 0 to 100/],
    ['a malformed cursor', '{ services(after: "bm90IGEgY3Vyc29y") { totalCount } }', 'BAD_USER_INPUT', /cursor .* is not valid/],
    ['an unknown code', '{ services(filter: { municipalities: ["999"] }) { totalCount } }', 'BAD_USER_INPUT', /Unknown code "999" in filter.municipalities/],
    ['a wrong type', '{ services(first: "ten") { totalCount } }', 'GRAPHQL_VALIDATION_FAILED', /Int cannot represent/],
    ['a malformed query', '{ services(first: 1 { totalCount } }', 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
  ])('%s gets a coded error', async (_label, text, code, message) => {
    const body = await query(text);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('answers an unknown id with null', async () => {
    const { data, errors } = await query('{ service(id: "00000000-0000-0000-0000-000000000000") { id } organisation(id: "x") { id } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ service: null, organisation: null });
  });
});
