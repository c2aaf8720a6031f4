import { startTestNetwork, type SubgraphName, type TestNetwork } from '../e2e/network';

let network: TestNetwork;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newIdentity(): Promise<string> {
  const response = await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** Every document of every store, as JSON text, per store. */
async function dumpStores(): Promise<Record<string, string>> {
  const collections: Record<string, string[]> = {
    'service-directory': ['services', 'channels', 'organisations', 'codes', 'meta'],
    kela: ['benefits'],
    mikkeli: ['visitingDetails'],
    profile: ['profiles'],
    probe: ['bookmarks'],
    recommendation: ['feedback'],
    chatbot: ['sessions', 'transfers'],
    'how-am-i-doing': ['assessments'],
    router: ['pendingDeletions'],
  };
  const dump: Record<string, string> = {};
  for (const [store, names] of Object.entries(collections)) {
    const documents = [];
    for (const name of names) documents.push(...(await network.stores[store as SubgraphName | 'router'].collection(name).find({})));
    dump[store] = JSON.stringify(documents);
  }
  return dump;
}

const ME = `{ me { handle attributes { age municipality lifeEvents language interests wellbeing { health finance } } consents { purpose attributes } probeSummary } }`;
const UPDATE = `mutation($input: AttributesInput!) { updateMyAttributes(input: $input) { attributes { age municipality lifeEvents } } }`;

let alice: string;
let bob: string;

beforeAll(async () => {
  network = await startTestNetwork({ withProbe: true, deletionRetryMs: 300 });
  alice = await newIdentity();
  bob = await newIdentity();
}, 60_000);

afterAll(() => network.close());

describe('anonymous identity', () => {
  it('hands out fresh 256-bit tokens and answers me as null without one', async () => {
    expect(alice).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(alice).not.toBe(bob);
    expect((await network.query('{ me { handle } }')).data).toEqual({ me: null });
  });

  it.each([['Bearer short'], ['Bearer has spaces in it'], ['Basic dXNlcjpwYXNz'], [`Bearer ${'x'.repeat(200)}`]])(
    'refuses a malformed token (%s) with UNAUTHENTICATED',
    async (header) => {
      const response = await fetch(network.routerUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: header },
        body: JSON.stringify({ query: '{ me { handle } }' }),
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(response.status).toBe(401);
      expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain(header.slice(7));
    },
  );
});

describe('consent-gated sharing, pseudonyms and deletion across the network', () => {
  it('stores what the person enters and refuses invalid values naming the field, writing nothing', async () => {
    const set = await network.query(
      UPDATE,
      { input: { age: 34, municipality: '491', lifeEvents: ['KE8'], language: 'FI', interests: ['kayaking-7f3a'], wellbeing: { health: 4, finance: 2 } } },
      bearer(alice),
    );
    expect(set.data.updateMyAttributes.attributes).toEqual({ age: 34, municipality: '491', lifeEvents: ['KE8'] });
    await network.query(UPDATE, { input: { age: 61, municipality: '564', lifeEvents: ['KE10'], interests: ['choir-9c2e'] } }, bearer(bob));

    for (const [input, field, message] of [
      [{ wellbeing: { health: 11 } }, 'input.wellbeing.health', 'input.wellbeing.health must be a whole number from 0 to 10; it was 11.'],
      [{ age: -1 }, 'input.age', 'input.age must be a whole number of years from 0 to 130; it was -1.'],
      [
        { municipality: '999', age: 40 },
        'input.municipality',
        'input.municipality "999" is not a municipality code; use a 3-digit code such as 491 (see the municipalities query).',
      ],
      [
        { lifeEvents: ['KE8', 'KE99'] },
        'input.lifeEvents[1]',
        'input.lifeEvents[1] "KE99" is not a life event code; use codes such as KE8 (see the lifeEvents query).',
      ],
    ] as const) {
      const body = await network.query(UPDATE, { input }, bearer(alice));
      expect(body.errors[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argument: field } });
    }
    const wrongType = await network.query(UPDATE, { input: { age: 'old' } }, bearer(alice));
    expect(wrongType.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const { data } = await network.query(ME, {}, bearer(alice));
    expect(data.me.attributes).toEqual({
      age: 34,
      municipality: '491',
      lifeEvents: ['KE8'],
      language: 'FI',
      interests: ['kayaking-7f3a'],
      wellbeing: { health: 4, finance: 2 },
    });
  });

  it('gives another subgraph only what the person consented to for that purpose, from the next request on', async () => {
    network.probeReceived.length = 0;
    const before = await network.query(ME, {}, bearer(alice));
    expect(before.data.me.probeSummary).toBe('nothing shared');
    await network.query(
      'mutation { grantConsent(purpose: RECOMMENDATION, attributes: [AGE, LIFE_EVENTS, WELLBEING]) { consents { purpose attributes } } }',
      {},
      bearer(alice),
    );
    await network.query('mutation { grantConsent(purpose: SERVICE_TRANSFER, attributes: [MUNICIPALITY]) { handle } }', {}, bearer(alice));
    const granted = await network.query(ME, {}, bearer(alice));
    expect(granted.data.me.probeSummary).toBe('age,lifeEvents,wellbeing');
    await network.query('mutation { revokeConsent(purpose: RECOMMENDATION, attributes: [LIFE_EVENTS]) { handle } }', {}, bearer(alice));
    const revoked = await network.query(ME, {}, bearer(alice));
    expect(revoked.data.me.probeSummary).toBe('age,wellbeing');

    const [nothing, three, two] = network.probeReceived as Record<string, any>[];
    const none = { age: null, municipality: null, lifeEvents: null, language: null, interests: null, wellbeing: null };
    expect(nothing).toEqual({ __typename: 'Me', handle: before.data.me.handle, recommendationAttributes: none });
    expect(three?.recommendationAttributes).toEqual({ ...none, age: 34, lifeEvents: ['KE8'], wellbeing: { health: 4, finance: 2 } });
    expect(two?.recommendationAttributes).toEqual({ ...none, age: 34, wellbeing: { health: 4, finance: 2 } });
    // The handle is new in every request: nothing stable to link requests by.
    expect(new Set((network.probeReceived as { handle: string }[]).map((me) => me.handle)).size).toBe(3);
  });

  it('never lets the identity token reach a subgraph, and gives each subgraph its own pseudonym', async () => {
    network.reset();
    await network.query('mutation($id: ID!) { bookmarkService(id: $id) }', { id: 'ad75fe5d-cce3-4961-b764-4a93b98567ff' }, bearer(alice));
    await network.query('mutation($id: ID!) { bookmarkService(id: $id) }', { id: '579991be-f40f-4913-8130-0e07592b50c4' }, bearer(bob));
    await network.query(ME, {}, bearer(alice));
    await network.query('{ me { handle } services(first: 2) { edges { node { name benefits { name } } } } }', {}, bearer(bob));
    const all = JSON.stringify(network.traffic);
    expect(all).not.toContain(alice);
    expect(all).not.toContain(bob);
    const pseudonyms = (name: SubgraphName) => new Set(network.traffic[name].headers.map((headers) => headers['x-aurora-pseudonym']).filter(Boolean));
    expect(pseudonyms('profile').size).toBe(2);
    expect(pseudonyms('probe').size).toBe(2);
    for (const pseudonym of pseudonyms('profile')) expect(pseudonyms('probe').has(pseudonym)).toBe(false);
    for (const headers of network.traffic['service-directory'].headers) expect(headers.authorization).toBeUndefined();
  });

  it('keeps stores unlinkable: no identifier of one person appears in two stores', async () => {
    const dump = await dumpStores();
    const identifiers = (store: string) =>
      new Set(
        (JSON.parse(dump[store] as string) as { _id: string; pseudonym?: string }[]).flatMap((document) => [document._id, document.pseudonym]).filter(Boolean),
      );
    const profileIds = identifiers('profile');
    const probeIds = [...identifiers('probe')].filter((id) => !String(id).includes(':'));
    expect(profileIds.size).toBe(2);
    expect(probeIds.length).toBe(2);
    for (const id of probeIds) expect(profileIds.has(id as string)).toBe(false);
    for (const [store, text] of Object.entries(dump)) {
      expect(text).not.toContain(alice);
      expect(text).not.toContain(bob);
      for (const id of profileIds) if (store !== 'profile') expect(text).not.toContain(id as string);
      for (const id of probeIds) if (store !== 'probe') expect(text).not.toContain(id as string);
    }
  });

  it('exports everything about the person, and only that person', async () => {
    const { data } = await network.query('mutation { exportMyData { complete parts { subgraph status data } } }', {}, bearer(alice));
    expect(data.exportMyData.complete).toBe(true);
    const parts = Object.fromEntries(data.exportMyData.parts.map((part: any) => [part.subgraph, JSON.parse(part.data)]));
    expect(Object.keys(parts)).toEqual(['chatbot', 'how-am-i-doing', 'mikkeli', 'probe', 'profile', 'recommendation']);
    expect([parts.chatbot, parts['how-am-i-doing'], parts.mikkeli]).toEqual([[], [], []]); // never used
    expect(parts.recommendation).toEqual([]); // no feedback given
    expect(parts.probe).toEqual(['ad75fe5d-cce3-4961-b764-4a93b98567ff']);
    expect(parts.profile[0].attributes).toMatchObject({ age: 34, interests: ['kayaking-7f3a'] });
    expect(parts.profile[0].consents.map((consent: any) => consent.purpose).sort()).toEqual(['RECOMMENDATION', 'SERVICE_TRANSFER']);
    expect(JSON.stringify(parts)).not.toContain('choir-9c2e');
  });

  it('deletes everything about the person in every subgraph and says what it deleted', async () => {
    const report = await network.query('mutation { deleteMyData { complete parts { subgraph status deletedRecords } } }', {}, bearer(alice));
    expect(report.data.deleteMyData).toEqual({
      complete: true,
      parts: [
        { subgraph: 'chatbot', status: 'DELETED', deletedRecords: 0 },
        { subgraph: 'how-am-i-doing', status: 'DELETED', deletedRecords: 0 },
        { subgraph: 'mikkeli', status: 'DELETED', deletedRecords: 0 },
        { subgraph: 'probe', status: 'DELETED', deletedRecords: 1 },
        { subgraph: 'profile', status: 'DELETED', deletedRecords: 1 },
        { subgraph: 'recommendation', status: 'DELETED', deletedRecords: 0 },
      ],
    });
    const dump = await dumpStores();
    expect(dump.profile).not.toContain('kayaking-7f3a');
    expect(dump.probe).not.toContain('ad75fe5d-cce3-4961-b764-4a93b98567ff');
    expect(dump.profile).toContain('choir-9c2e'); // the other person's data stays
    const after = await network.query('mutation { exportMyData { parts { subgraph data } } }', {}, bearer(alice));
    expect(after.data.exportMyData.parts).toEqual([
      { subgraph: 'chatbot', data: '[]' },
      { subgraph: 'how-am-i-doing', data: '[]' },
      { subgraph: 'mikkeli', data: '[]' },
      { subgraph: 'probe', data: '[]' },
      { subgraph: 'profile', data: '[]' },
      { subgraph: 'recommendation', data: '[]' },
    ]);
  });

  it('reports a deletion as pending while a subgraph is down, and completes it when it returns', async () => {
    await network.stopSubgraph('probe');
    const report = await network.query('mutation { deleteMyData { complete parts { subgraph status deletedRecords } } }', {}, bearer(bob));
    expect(report.data.deleteMyData).toEqual({
      complete: false,
      parts: [
        { subgraph: 'chatbot', status: 'DELETED', deletedRecords: 0 },
        { subgraph: 'how-am-i-doing', status: 'DELETED', deletedRecords: 0 },
        { subgraph: 'mikkeli', status: 'DELETED', deletedRecords: 0 },
        { subgraph: 'probe', status: 'PENDING', deletedRecords: null },
        { subgraph: 'profile', status: 'DELETED', deletedRecords: 1 },
        { subgraph: 'recommendation', status: 'DELETED', deletedRecords: 0 },
      ],
    });
    expect(await network.stores.probe.collection('bookmarks').countDocuments()).toBe(1);
    expect(await network.stores.router.collection('pendingDeletions').countDocuments()).toBe(1);
    await network.restartSubgraph('probe');
    for (let attempt = 0; attempt < 50 && (await network.stores.router.collection('pendingDeletions').countDocuments()) > 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await network.stores.probe.collection('bookmarks').countDocuments()).toBe(0);
    expect(await network.stores.router.collection('pendingDeletions').countDocuments()).toBe(0);
  });

  it('wrote no token, pseudonym or attribute value to any log line', async () => {
    const pseudonyms = [...network.traffic.profile.headers, ...network.traffic.probe.headers].map((headers) => headers['x-aurora-pseudonym']).filter(Boolean);
    expect(network.logs.length).toBeGreaterThan(5);
    const logText = network.logs.join('\n');
    for (const secret of [alice, bob, ...pseudonyms, 'kayaking-7f3a', 'choir-9c2e']) expect(logText).not.toContain(secret);
  });
});
