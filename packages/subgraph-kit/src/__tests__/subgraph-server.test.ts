import 'reflect-metadata';
import { Field, ID, ObjectType, Query, Resolver, Directive, Arg } from 'type-graphql';
import {
  buildSubgraphFromClasses,
  buildSubgraphFromSdl,
  createLogger,
  createSubgraphServer,
  FEDERATION_SPEC_URL,
  badUserInput,
  type RunningServer,
} from '../index';

const logger = createLogger('kit-test', 'silent');

async function post(server: RunningServer, body: string): Promise<{ status: number; json: any }> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, json: await response.json() };
}

describe('subgraph kit: SDL-first', () => {
  let server: RunningServer;

  beforeAll(async () => {
    const schema = buildSubgraphFromSdl(
      `type Query { thing(id: ID!): Thing  broken: String  refused: String }
       type Thing @key(fields: "id") { id: ID! name: String! }`,
      {
        Query: {
          thing: (_: unknown, { id }: { id: string }) => (id === '1' ? { id, name: 'One' } : null),
          broken: () => {
            throw new Error('database password is hunter2');
          },
          refused: () => {
            throw badUserInput('Say it differently.');
          },
        },
        Thing: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, name: `Thing ${reference.id}` }) },
      },
    );
    server = await createSubgraphServer({ name: 'kit-test', schema, logger, context: () => ({}) }).listen(0);
  });

  afterAll(() => server.close());

  it('serves the subgraph with the federation link the kit owns', async () => {
    const { json } = await post(server, JSON.stringify({ query: '{ _service { sdl } }' }));
    expect(json.data._service.sdl).toContain(`@link(url: "${FEDERATION_SPEC_URL}"`);
    expect(json.data._service.sdl).toMatch(/type Thing\s+@key\(fields: "id"\)/);
  });

  it('resolves entities through __resolveReference', async () => {
    const { json } = await post(
      server,
      JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { name } } }',
        variables: { r: [{ __typename: 'Thing', id: '7' }] },
      }),
    );
    expect(json.data._entities).toEqual([{ name: 'Thing 7' }]);
  });

  it('hides internal errors and keeps coded ones', async () => {
    const { json } = await post(server, JSON.stringify({ query: '{ broken refused thing(id: "2") { id } }' }));
    expect(json.data).toEqual({ broken: null, refused: null, thing: null });
    const [broken, refused] = json.errors;
    expect(broken.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(broken.message).not.toContain('hunter2');
    expect(JSON.stringify(json)).not.toContain('stacktrace');
    expect(refused).toMatchObject({ message: 'Say it differently.', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('answers a body that is not JSON with a coded error, not a stack trace', async () => {
    const { status, json } = await post(server, '{"query": ');
    expect(status).toBe(400);
    expect(json).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('reports health', async () => {
    const response = await fetch(server.url.replace('/graphql', '/health'));
    expect(await response.json()).toEqual({ status: 'ok', service: 'kit-test' });
  });
});

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A thing.' })
class Gadget {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Its name.' })
  name!: string;
}

@Resolver(() => Gadget)
class GadgetResolver {
  @Query(() => Gadget, { nullable: true, description: 'One gadget.' })
  gadget(@Arg('id', () => ID) id: string): Gadget | null {
    return id === 'g1' ? { id, name: 'Gadget one' } : null;
  }
}

describe('subgraph kit: code-first with type-graphql', () => {
  it('builds a federation subgraph with keys and entity resolution', async () => {
    const schema = await buildSubgraphFromClasses({
      resolvers: [GadgetResolver],
      references: { Gadget: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, name: 'Referenced' }) } },
    });
    const server = await createSubgraphServer({ name: 'kit-classes', schema, logger, context: () => ({}) }).listen(0);
    try {
      const { json } = await post(
        server,
        JSON.stringify({
          query: 'query($r: [_Any!]!) { _service { sdl } gadget(id: "g1") { name } _entities(representations: $r) { ... on Gadget { name } } }',
          variables: { r: [{ __typename: 'Gadget', id: 'x' }] },
        }),
      );
      expect(json.data.gadget).toEqual({ name: 'Gadget one' });
      expect(json.data._entities).toEqual([{ name: 'Referenced' }]);
      expect(json.data._service.sdl).toMatch(/type Gadget\s+@key\(fields: "id"\)/);
    } finally {
      await server.close();
    }
  });
});
