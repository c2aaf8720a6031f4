import type { AccessRule } from '@aurora/supergraph';
import { buildSchema, Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { authorise } from '../authorization';

const schema = buildSchema(`
  type Query { services: [Service!]! me: Me }
  type Mutation { saveNote(text: String!): Boolean }
  type Service { id: ID! name: String! internalNotes: String }
  type Me { id: ID! profile: Profile }
  type Profile { nickname: String }
`);

const rules = new Map<string, AccessRule>([
  ['Query.me', { authenticated: true, scopes: null }],
  ['Service.internalNotes', { authenticated: true, scopes: [['notes:read']] }],
  ['Mutation.saveNote', { authenticated: true, scopes: [['notes:write'], ['admin']] }],
]);

const anonymous = { authenticated: false, scopes: [] };
const person = { authenticated: true, scopes: [] };
const reader = { authenticated: true, scopes: ['notes:read'] };

function run(text: string, caller: { authenticated: boolean; scopes: string[] }) {
  const document = parse(text);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const result = authorise(schema, document, operation, rules, caller);
  return { text: print(result.operation).replace(/\s+/g, ' ').trim(), refusals: result.refusals };
}

describe('authorise', () => {
  it('takes out what an anonymous caller may not see, saying where and why, and keeps the rest', () => {
    const { text, refusals } = run('{ services { id internalNotes } me { id } }', anonymous);
    expect(text).toBe('{ services { id } }');
    expect(refusals).toEqual([
      { path: ['services', 'internalNotes'], code: 'UNAUTHENTICATED', coordinate: 'Service.internalNotes' },
      { path: ['me'], code: 'UNAUTHENTICATED', coordinate: 'Query.me' },
    ]);
  });

  it('lets a signed-in caller through to what needs no scope, and refuses a missing scope as FORBIDDEN', () => {
    const { text, refusals } = run('{ services { internalNotes } me { id } }', person);
    expect(text).toBe('{ services { __typename } me { id } }');
    expect(refusals).toEqual([{ path: ['services', 'internalNotes'], code: 'FORBIDDEN', coordinate: 'Service.internalNotes' }]);
    expect(run('{ services { internalNotes } }', reader)).toEqual({ text: '{ services { internalNotes } }', refusals: [] });
  });

  it('judges a fragment where it is used, under each alias, and reports the path the client asked for', () => {
    const { text, refusals } = run(
      'query { first: services { ...Notes } second: services { ...Notes } } fragment Notes on Service { notes: internalNotes name }',
      anonymous,
    );
    expect(text).toBe('{ first: services { ... on Service { name } } second: services { ... on Service { name } } }');
    expect(refusals.map((refusal) => refusal.path.join('.'))).toEqual(['first.notes', 'second.notes']);
  });

  it("applies a mutation's rules: any one of the scope lists is enough", () => {
    expect(run('mutation { saveNote(text: "x") }', person).refusals).toEqual([{ path: ['saveNote'], code: 'FORBIDDEN', coordinate: 'Mutation.saveNote' }]);
    expect(run('mutation { saveNote(text: "x") }', { authenticated: true, scopes: ['admin'] }).refusals).toEqual([]);
  });

  it('leaves introspection fields alone', () => {
    expect(run('{ __typename me { __typename } }', anonymous)).toEqual({
      text: '{ __typename }',
      refusals: [{ path: ['me'], code: 'UNAUTHENTICATED', coordinate: 'Query.me' }],
    });
  });
});
