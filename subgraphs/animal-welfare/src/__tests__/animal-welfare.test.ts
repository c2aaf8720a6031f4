import { createAnimalWelfareSubgraph, readData } from '../index';

let server: { url: string; close: () => Promise<void> };
const gql = async (query: string, variables: Record<string, unknown> = {}) =>
  (
    await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })
  ).json() as Promise<any>;

// The id of the action the association has published (publishActions fills the set at start).
const OWN_ACTION = 'offer:3e2047a1-2677-4d2c-81ba-f9fc7a88702b:fa00672a-c112-4fb8-ba30-b58bd1526abb';

beforeAll(async () => {
  server = await createAnimalWelfareSubgraph(readData(), new Set([OWN_ACTION])).listen(0);
});
afterAll(() => server.close());

describe('a subgraph in plain graphql-js, implementing the federation subgraph spec itself', () => {
  it('serves its SDL with @link and @key through _service', async () => {
    const { data } = await gql('{ _service { sdl } }');
    expect(data._service.sdl).toContain('extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@interfaceObject"])');
    expect(data._service.sdl).toContain('type ServiceAction @key(fields: "id") @interfaceObject');
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

  it('adds the animals to its own action only, through @interfaceObject', async () => {
    const { data } = await gql('query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ServiceAction { id animalsToMeet { name } } } }', {
      r: [
        { __typename: 'ServiceAction', id: OWN_ACTION },
        { __typename: 'ServiceAction', id: 'book:3c839118-e3b7-5d7c-9f3e-de9ab00f2da4:be033dbc-124f-52dc-b474-7f8d8cca2f84' },
      ],
    });
    expect(data._entities).toEqual([
      { __typename: 'ServiceAction', id: OWN_ACTION, animalsToMeet: [{ name: 'Nappi' }, { name: 'Pupu' }, { name: 'Viiru' }] },
      { __typename: 'ServiceAction', id: 'book:3c839118-e3b7-5d7c-9f3e-de9ab00f2da4:be033dbc-124f-52dc-b474-7f8d8cca2f84', animalsToMeet: null },
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
