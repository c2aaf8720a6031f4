import { createEmbeddedStore } from '@aurora/store';
import { createLogger, PSEUDONYM_HEADER, type RunningServer } from '@aurora/subgraph-kit';
import { createProfileSubgraph } from '../index';

const SECRET = 's'.repeat(43);
const PERSON = 'p'.repeat(43);
let server: RunningServer;
const base = () => server.url.replace('/graphql', '');

async function gql(query: string, pseudonym?: string): Promise<any> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(pseudonym ? { [PSEUDONYM_HEADER]: pseudonym } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

beforeAll(async () => {
  server = await (
    await createProfileSubgraph({ store: createEmbeddedStore(), logger: createLogger('profile-test', 'silent'), personalDataSecret: SECRET })
  ).listen(0);
});
afterAll(() => server.close());

describe('profile subgraph', () => {
  it('needs the router-set pseudonym: no pseudonym, no profile', async () => {
    expect((await gql('{ me { handle } }')).data).toEqual({ me: null });
    const refused = await gql('mutation { updateMyAttributes(input: { age: 30 }) { handle } }');
    expect(refused.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // A header that is not a pseudonym the router makes is ignored.
    expect((await gql('{ me { handle } }', 'not-a-pseudonym')).data).toEqual({ me: null });
  });

  it('keeps partial updates, clears with null, and sorts consents by purpose', async () => {
    await gql('mutation { updateMyAttributes(input: { age: 30, interests: [" chess ", "chess", "music"], wellbeing: { health: 7 } }) { handle } }', PERSON);
    await gql('mutation { updateMyAttributes(input: { wellbeing: { finance: 3 }, age: null }) { handle } }', PERSON);
    await gql('mutation { grantConsent(purpose: SERVICE_TRANSFER, attributes: [AGE]) { handle } }', PERSON);
    await gql('mutation { grantConsent(purpose: RECOMMENDATION, attributes: [INTERESTS, AGE]) { handle } }', PERSON);
    const { data } = await gql(
      '{ me { attributes { age interests wellbeing { health finance } } consents { purpose attributes } recommendationAttributes { age interests wellbeing { health } } } }',
      PERSON,
    );
    expect(data.me).toEqual({
      attributes: { age: null, interests: ['chess', 'music'], wellbeing: { health: 7, finance: 3 } },
      consents: [
        { purpose: 'RECOMMENDATION', attributes: ['AGE', 'INTERESTS'] },
        { purpose: 'SERVICE_TRANSFER', attributes: ['AGE'] },
      ],
      recommendationAttributes: { age: null, interests: ['chess', 'music'], wellbeing: null },
    });
    await gql('mutation { revokeConsent(purpose: RECOMMENDATION) { handle } }', PERSON);
    expect((await gql('{ me { consents { purpose } } }', PERSON)).data.me.consents).toEqual([{ purpose: 'SERVICE_TRANSFER' }]);
  });

  it('refuses too many interests and export/deletion sent to the subgraph directly', async () => {
    const many = JSON.stringify(Array.from({ length: 21 }, (_, index) => `i${index}`));
    const body = await gql(`mutation { updateMyAttributes(input: { interests: ${many} }) { handle } }`, PERSON);
    expect(body.errors[0]).toMatchObject({ message: 'input.interests may have at most 20 entries.', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await gql('mutation { exportMyData { complete } }', PERSON)).errors[0].message).toContain('answered by the router');
  });

  it('offers export and deletion by pseudonym to the router alone', async () => {
    const denied = await fetch(`${base()}/_personal-data/export`, { method: 'POST', headers: { [PSEUDONYM_HEADER]: PERSON } });
    expect(denied.status).toBe(401);
    const headers = { authorization: `Bearer ${SECRET}`, [PSEUDONYM_HEADER]: PERSON };
    const exported = (await (await fetch(`${base()}/_personal-data/export`, { method: 'POST', headers })).json()) as {
      data: { attributes: { interests: string[] } }[];
    };
    expect(exported.data[0]?.attributes.interests).toEqual(['chess', 'music']);
    expect(JSON.stringify(exported)).not.toContain(PERSON);
    expect(await (await fetch(`${base()}/_personal-data/delete`, { method: 'POST', headers })).json()).toEqual({ deletedRecords: 1 });
    expect(await (await fetch(`${base()}/_personal-data/delete`, { method: 'POST', headers })).json()).toEqual({ deletedRecords: 0 });
    expect((await gql('{ me { attributes { interests } } }', PERSON)).data.me.attributes.interests).toEqual([]);
  });
});
