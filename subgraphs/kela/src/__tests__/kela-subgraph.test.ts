import { createEmbeddedStore } from '@aurora/store';
import { countingStore } from '@aurora/store/testing';
import { createLogger, type RunningServer } from '@aurora/subgraph-kit';
import { postGraphQL } from '@aurora/subgraph-kit/testing';
import { createKelaSubgraph, EXAMPLE_BENEFITS, printSchema } from '../index';

const logger = createLogger('kela-test', 'silent');
const counted = countingStore(createEmbeddedStore());
let server: RunningServer;

const query = (text: string, variables: Record<string, unknown> = {}) => postGraphQL(server.url, text, variables);

beforeAll(async () => {
  server = await (await createKelaSubgraph({ store: counted.store, logger })).listen(0);
});
afterAll(() => server.close());

describe('kela subgraph (type-graphql)', () => {
  it('adds benefits to services, loading all of one request in one store query', async () => {
    counted.reset();
    const housing = '579991be-f40f-4913-8130-0e07592b50c4';
    const students = 'e0556386-0ffa-40f2-98aa-770b42dd792a';
    const { data } = await query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Service { id benefits { id name(language: EN) exampleData } } } }',
      { r: [housing, students, 'unknown-service'].map((id) => ({ __typename: 'Service', id })) },
    );
    expect(data._entities).toEqual([
      {
        id: housing,
        benefits: [
          { id: 'kela-general-housing-allowance', name: 'General housing allowance', exampleData: true },
          { id: 'kela-pensioners-housing-allowance', name: "Pensioners' housing allowance", exampleData: true },
        ],
      },
      {
        id: students,
        benefits: [
          { id: 'kela-student-loan-guarantee', name: 'Government guarantee for student loans', exampleData: true },
          { id: 'kela-study-grant', name: 'Study grant', exampleData: true },
        ],
      },
      { id: 'unknown-service', benefits: [] },
    ]);
    expect(counted.operations).toEqual([{ collection: 'benefits', operation: 'find' }]);
  });

  it('answers one benefit by id, null for an unknown one, with fallback for a missing language', async () => {
    const { data } = await query('{ known: benefit(id: "kela-child-benefit") { name(language: SV) summary } unknown: benefit(id: "nope") { id } }');
    expect(data).toEqual({ known: { name: 'Barnbidrag', summary: 'Tukea jokaisesta Suomessa asuvasta alle 17-vuotiaasta lapsesta.' }, unknown: null });
  });

  it('rejects an unknown language with a coded error', async () => {
    const body = await query('{ benefit(id: "kela-child-benefit") { name(language: DE) } }');
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('prints a federation subgraph schema with Service as an entity', async () => {
    const sdl = await printSchema();
    expect(sdl).toMatch(/type Service\s+@key\(fields: "id"\)/);
    // Nullable: an outage of kela then nulls only this field, not the services around it.
    expect(sdl).toMatch(/\bbenefits: \[Benefit!\]\n/);
    expect(EXAMPLE_BENEFITS.length).toBeGreaterThan(5);
  });
});
