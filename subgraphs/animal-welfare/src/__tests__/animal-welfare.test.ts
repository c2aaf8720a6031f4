import { createAnimalWelfareSubgraph, readData } from '../index';

let server: { url: string; close: () => Promise<void> };
const gql = async (query: string, variables: Record<string, unknown> = {}) =>
  (
    await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })
  ).json() as Promise<any>;

beforeAll(async () => {
  server = await createAnimalWelfareSubgraph().listen(0);
});
afterAll(() => server.close());

describe('a subgraph in plain graphql-js, implementing the federation subgraph spec itself', () => {
  it('serves its SDL with @link and @key through _service', async () => {
    const { data } = await gql('{ _service { sdl } }');
    expect(data._service.sdl).toContain('extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])');
    expect(data._service.sdl).toContain('type Organisation @key(fields: "id")');
    expect(data._service.sdl).not.toContain('_entities');
  });

  it('resolves entities of each @key type, null for unknown ones', async () => {
    const organisation = readData().organisationId;
    const { data } = await gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Organisation { id adoptableAnimals { name } } ... on Animal { name species } } }',
      {
        r: [
          { __typename: 'Organisation', id: organisation },
          { __typename: 'Organisation', id: 'other' },
          { __typename: 'Animal', id: 'animal-2' },
          { __typename: 'Animal', id: 'nope' },
        ],
      },
    );
    expect(data._entities).toEqual([
      { __typename: 'Organisation', id: organisation, adoptableAnimals: [{ name: 'Nappi' }, { name: 'Pupu' }, { name: 'Viiru' }] },
      { __typename: 'Organisation', id: 'other', adoptableAnimals: [] },
      { __typename: 'Animal', name: 'Nappi', species: 'DOG' },
      null,
    ]);
  });

  it('pages its own list and refuses bad input with codes', async () => {
    const first = await gql('{ adoptableAnimals(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }');
    expect(first.data.adoptableAnimals.edges.map((edge: any) => edge.node.name)).toEqual(['Nappi', 'Pupu']);
    const second = await gql('query($after: String) { adoptableAnimals(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { name } } } }', {
      after: first.data.adoptableAnimals.pageInfo.endCursor,
    });
    expect(second.data.adoptableAnimals).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { name: 'Viiru' } }] });
    expect((await gql('{ adoptableAnimals(first: 101) { totalCount } }')).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const response = await fetch(server.url, { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
  });
});
