import { createEmbeddedStore } from '@aurora/store';
import { countingStore } from '@aurora/store/testing';
import { createLogger, type RunningServer } from '@aurora/subgraph-kit';
import { postGraphQL } from '@aurora/subgraph-kit/testing';
import { createMikkeliSubgraph, printSchema } from '../index';

const logger = createLogger('mikkeli-test', 'silent');
const counted = countingStore(createEmbeddedStore());
let server: RunningServer;

const query = (text: string, variables: Record<string, unknown> = {}) => postGraphQL(server.url, text, variables);

beforeAll(async () => {
  server = await (await createMikkeliSubgraph({ store: counted.store, logger, personalDataSecret: 'mikkeli-test-secret' })).listen(0);
});
afterAll(() => server.close());

describe('mikkeli subgraph (SDL-first)', () => {
  it('adds visiting details to service locations, in one store query per request', async () => {
    counted.reset();
    const library = '7a5afe85-bf12-55b7-b774-fb06b3d49024';
    const office = '42408347-7529-5f4a-9a4f-1a8c631ae52e';
    const { data } = await query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ServiceLocationChannel { id visitingDetails { accessibility parking(language: SV) appointmentRequired exampleData } } } }',
      { r: [library, office, 'elsewhere'].map((id) => ({ __typename: 'ServiceLocationChannel', id })) },
    );
    expect(data._entities).toEqual([
      {
        id: library,
        visitingDetails: {
          accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET', 'ACCESSIBLE_PARKING'],
          parking: 'Maksuton pysäköinti kauppakeskuksen pihalla.',
          appointmentRequired: false,
          exampleData: true,
        },
      },
      {
        id: office,
        visitingDetails: {
          accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET', 'INDUCTION_LOOP', 'LIFT'],
          parking: 'Avgiftsbelagd parkering längs gatan.',
          appointmentRequired: false,
          exampleData: true,
        },
      },
      { id: 'elsewhere', visitingDetails: null },
    ]);
    expect(counted.operations).toEqual([{ collection: 'visitingDetails', operation: 'find' }]);
  });

  it('prints the subgraph schema with ServiceLocationChannel as an entity', async () => {
    expect(await printSchema()).toMatch(/type ServiceLocationChannel\s+@key\(fields: "id"\)/);
  });
});
