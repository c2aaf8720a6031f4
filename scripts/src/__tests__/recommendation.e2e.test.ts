import { CATALOGUE_PAGE } from '@aurora/recommendation';
import { startTestNetwork, type TestNetwork } from '../e2e/network';

let network: TestNetwork;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newIdentity(): Promise<string> {
  const response = await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

const PACKAGES = `query($situation: SituationInput!, $first: Int) {
  recommendServicePackages(situation: $situation, first: $first) {
    id title score basis explanation
    needs { id kind weight label }
    items { score need { id } reasons service { id name provider { id } areaType areas { code } benefits { name } } }
    services { id }
  }
}`;

const serviceIds = (packages: { items: { service: { id: string } }[] }[]) => packages.flatMap((pack) => pack.items.map((item) => item.service.id));

beforeAll(async () => {
  network = await startTestNetwork();
}, 60_000);

afterAll(() => network.close());

describe('the engine keeps its own index through the router', () => {
  it('reads the whole catalogue page by page through the router, then only what changed', async () => {
    network.reset();
    const first = await network.syncCatalogue();
    expect(first.changed).toBeGreaterThan(2000);
    expect(first.pages).toBe(Math.ceil(first.changed / CATALOGUE_PAGE));
    // Every page was a public `services` query the directory answered; the engine read no other store.
    expect(network.traffic['service-directory'].requests.filter((kind) => kind === 'query')).toHaveLength(first.pages);
    expect(new Set(network.traffic.recommendation.storeOperations.map((operation) => operation.collection))).toEqual(new Set(['services', 'sync']));
    expect(await network.stores.recommendation.collection('services').countDocuments({})).toBe(first.changed);

    network.reset();
    const second = await network.syncCatalogue();
    expect(second).toEqual({ changed: 0, pages: 1 });
    expect(network.traffic['service-directory'].requests).toEqual(['query']);
  });

  it('sees a provider publish and archive a service after the next sync', async () => {
    const ORGANISATION = (await network.query('{ services(filter: { lifeEvents: ["KE4.1"] }, first: 1) { edges { node { provider { id } } } } }')).data.services
      .edges[0].node.provider.id;
    const token = await network.providerToken(ORGANISATION);
    const published = await network.query(
      'mutation($input: ServiceInput!) { publishService(input: $input) { id } }',
      {
        input: {
          name: { fi: 'Kuplamuovikorjaamo', en: 'Bubble wrap repair shop' },
          summary: { fi: 'Kuplamuovin korjausta ja neuvontaa.' },
          areaType: 'NATIONWIDE',
        },
      },
      bearer(token),
    );
    const id = published.data.publishService.id;
    const situation = { text: 'kuplamuovi korjaus' };
    const before = await network.query(PACKAGES, { situation });
    expect(serviceIds(before.data.recommendServicePackages)).not.toContain(id);
    expect((await network.syncCatalogue()).changed).toBe(1);
    const after = await network.query(PACKAGES, { situation });
    expect(serviceIds(after.data.recommendServicePackages)[0]).toBe(id);

    await network.query('mutation($id: ID!) { archiveService(id: $id) { id } }', { id }, bearer(token));
    expect((await network.syncCatalogue()).changed).toBe(1);
    const archived = await network.query(PACKAGES, { situation });
    expect(serviceIds(archived.data.recommendServicePackages)).not.toContain(id);
  });
});

describe('recommendServicePackages', () => {
  it('answers packages whose services resolve across subgraphs in one request', async () => {
    const variables = { situation: { lifeEvents: ['KE8'], municipality: '491', wellbeing: { finance: 2 }, language: 'EN' }, first: 3 };
    await network.query(PACKAGES, variables); // the engine reads everyone's feedback counts once, on first use
    network.reset();
    const { data, errors } = await network.query(PACKAGES, variables);
    expect(errors).toBeUndefined();
    const packages = data.recommendServicePackages;
    expect(packages).toHaveLength(3);
    for (const pack of packages) {
      expect(pack.items.length).toBeGreaterThanOrEqual(3);
      expect(pack.items.length).toBeLessThanOrEqual(6);
      expect(pack.services).toEqual(pack.items.map((item: { service: { id: string } }) => ({ id: item.service.id })));
      for (const item of pack.items) {
        expect(item.service.name).toEqual(expect.any(String)); // from the directory
        expect(Array.isArray(item.service.benefits)).toBe(true); // from Kela
        expect(item.reasons.length).toBeGreaterThan(0);
        // The hard area filter: nationwide, or offered in Mikkeli.
        expect(item.service.areaType === 'NATIONWIDE' || item.service.areas.some((area: { code: string }) => area.code === '491')).toBe(true);
      }
      expect(pack.basis).toBe('SITUATION');
      expect(pack.explanation).toMatch(/^Together these \d services cover/);
    }
    // Packages are distinct: no service twice.
    const ids = serviceIds(packages);
    expect(new Set(ids).size).toBe(ids.length);
    expect(packages[0].needs.map((need: { id: string }) => need.id)).toEqual(expect.arrayContaining(['LIFE_EVENT:KE8', 'WELLBEING:FINANCE']));
    const finance = packages[0].needs.find((need: { id: string }) => need.id === 'WELLBEING:FINANCE');
    expect(finance.weight).toBeCloseTo(1 - 2 / 10.1, 3);
    expect(finance.label).toBe('financial situation');
    // One query to the engine, the rest are entity fetches; the engine's store was not read for it.
    expect(network.traffic.recommendation.requests).toEqual(['query']);
    expect(network.traffic['service-directory'].requests.every((kind) => kind === '_entities')).toBe(true);
    expect(network.traffic.kela.requests).toEqual(['_entities']);
    expect(network.traffic.recommendation.storeOperations).toEqual([]);
  });

  it('speaks the language asked for', async () => {
    const situation = { lifeEvents: ['KE9'], language: 'SV' };
    const { data } = await network.query(PACKAGES, { situation, first: 1 });
    const [pack] = data.recommendServicePackages;
    expect(pack.title).toContain('Skuldsättning');
    expect(pack.explanation).toMatch(/^Tillsammans täcker dessa/);
    expect(pack.items[0].reasons.join(' ')).toMatch(/Tjänst|tjänst|Beskrivningen|livssituationen/);
  });

  it('marks each label as hand-set or inferred, and says so in the reasons', async () => {
    const { data } = await network.query(
      '{ recommendServicePackages(situation: { wellbeing: { friends: 1 }, language: EN }, first: 5) { items { reasons wellbeingLabels { dimension source confidence } } } }',
    );
    const items = data.recommendServicePackages.flatMap((pack: { items: unknown[] }) => pack.items) as {
      reasons: string[];
      wellbeingLabels: { dimension: string; source: string; confidence: number }[];
    }[];
    const labelled = items.filter((item) => item.wellbeingLabels.some((label) => label.dimension === 'FRIENDS'));
    expect(labelled.length).toBeGreaterThan(0);
    for (const item of labelled) {
      const label = item.wellbeingLabels.find((entry) => entry.dimension === 'FRIENDS') as { source: string; confidence: number };
      if (label.source === 'HAND') expect(label.confidence).toBe(1);
      else {
        expect(label.source).toBe('INFERRED');
        expect(label.confidence).toBeLessThanOrEqual(1);
        expect(item.reasons.join(' ')).toContain('inferred from its description');
      }
    }
    expect(labelled.some((item) => item.wellbeingLabels.some((entry) => entry.source === 'HAND'))).toBe(true);
    // Inferred labels are kept apart from the hand-set ones, for most of the catalogue.
    const { data: status } = await network.query('{ recommendationIndex { services labelledServices inferredServices syncedUntil lastSyncAt } }');
    expect(status.recommendationIndex).toMatchObject({ labelledServices: 358, syncedUntil: expect.any(String), lastSyncAt: expect.any(String) });
    expect(status.recommendationIndex.inferredServices).toBeGreaterThan(1000);
    const inferred = items.flatMap((item) => item.wellbeingLabels.filter((entry) => entry.source === 'INFERRED'));
    for (const label of inferred) expect(label.confidence).toBeLessThan(1);
  });

  it('gives nationwide packages for an empty situation, and says so', async () => {
    const { data } = await network.query(PACKAGES, { situation: {}, first: 2 });
    expect(data.recommendServicePackages).toHaveLength(2);
    for (const pack of data.recommendServicePackages) {
      expect(pack.basis).toBe('GENERAL');
      expect(pack.explanation).toContain('Et kertonut tilanteestasi mitään');
      for (const item of pack.items) expect(item.service.areaType).toBe('NATIONWIDE');
    }
  });

  it.each([
    ['situation.wellbeing.health', { situation: { wellbeing: { health: 11 } } }, 'from 0 (worst) to 10 (best); it was 11'],
    ['situation.lifeEvents[1]', { situation: { lifeEvents: ['KE8', 'KE99'] } }, 'KE1 … KE14'],
    ['situation.municipality', { situation: { municipality: '999' } }, '3-digit code such as 491'],
    ['first', { situation: {}, first: 11 }, 'from 1 to 10; it was 11'],
    ['situation.age', { situation: { age: -3 } }, 'from 0 to 130'],
    ['situation.text', { situation: { text: 'x'.repeat(501) } }, 'at most 500 characters'],
  ])('refuses bad %s with BAD_USER_INPUT naming it and its valid forms', async (field, variables, valid) => {
    const result = await network.query(PACKAGES, variables);
    expect(result.data).toBeNull();
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0].message).toContain(field);
    expect(result.errors[0].message).toContain(valid);
  });

  it('refuses a wrong type before it reaches the engine', async () => {
    network.reset();
    const result = await network.query(PACKAGES, { situation: { wellbeing: { health: 'good' } } });
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(network.traffic.recommendation.requests).toEqual([]);
  });
});

describe('me { recommendations } and feedback', () => {
  const ME = `{ me { recommendations(first: 2) { basis needs { id } items { service { id name areaType areas { code } } reasons } } } }`;

  it('uses only the attributes the person consented to share for recommendation', async () => {
    const token = await newIdentity();
    await network.query(
      'mutation { updateMyAttributes(input: { municipality: "491", lifeEvents: ["KE8"], wellbeing: { housing: 1 } }) { attributes { municipality } } }',
      {},
      bearer(token),
    );
    const without = await network.query(ME, {}, bearer(token));
    expect(without.errors).toBeUndefined();
    expect(without.data.me.recommendations[0].basis).toBe('GENERAL');

    await network.query('mutation { grantConsent(purpose: RECOMMENDATION, attributes: [LIFE_EVENTS, WELLBEING]) { handle } }', {}, bearer(token));
    network.reset();
    const consented = await network.query(ME, {}, bearer(token));
    expect(consented.errors).toBeUndefined();
    const needs = consented.data.me.recommendations[0].needs.map((need: { id: string }) => need.id);
    expect(needs).toEqual(expect.arrayContaining(['LIFE_EVENT:KE8', 'WELLBEING:HOUSING']));
    // The municipality was not consented: no local service of Mikkeli, only nationwide ones.
    for (const pack of consented.data.me.recommendations) for (const item of pack.items) expect(item.service.areaType).toBe('NATIONWIDE');
    // The attributes came through the router inside the request, keyed by the handle; the engine stored nothing.
    const entityQuery = network.traffic.recommendation.queries.find((query) => query.includes('_entities'));
    expect(entityQuery).toBeDefined();
    expect(network.traffic.recommendation.storeOperations.filter((operation) => operation.operation !== 'find')).toEqual([]);
  });

  it('feedback changes the next packages for that person only', async () => {
    const alice = await newIdentity();
    const bob = await newIdentity();
    const situation = { lifeEvents: ['KE9'] };
    const ask = async (token: string) => serviceIds((await network.query(PACKAGES, { situation, first: 3 }, bearer(token))).data.recommendServicePackages);
    const before = await ask(alice);
    const dropped = before[0] as string;
    const helpful = before[4] as string;
    const recorded = await network.query(
      'mutation($id: ID!) { recordFeedback(serviceId: $id, kind: NOT_RELEVANT) { serviceId kind recordedAt } }',
      { id: dropped },
      bearer(alice),
    );
    expect(recorded.data.recordFeedback).toEqual({ serviceId: dropped, kind: 'NOT_RELEVANT', recordedAt: expect.any(String) });
    await network.query('mutation($id: ID!) { recordFeedback(serviceId: $id, kind: HELPFUL) { kind } }', { id: helpful }, bearer(alice));

    const after = await ask(alice);
    expect(after).not.toContain(dropped);
    expect(after).not.toEqual(before);
    expect(after.indexOf(helpful)).toBeLessThan(before.indexOf(helpful));
    const helpfulItem = (await network.query(PACKAGES, { situation, first: 3 }, bearer(alice))).data.recommendServicePackages
      .flatMap((pack: { items: unknown[] }) => pack.items)
      .find((item: { service: { id: string } }) => item.service.id === helpful);
    expect(helpfulItem.reasons).toContain('Kerroit tämän auttaneen sinua.');
    // Bob's packages still have the service Alice found not relevant.
    expect(await ask(bob)).toContain(dropped);

    // Feedback is stored under the engine's own pseudonym, never the token or the profile's pseudonym.
    const stored = await network.stores.recommendation.collection('feedback').find({});
    const mine = stored.filter((record) => record.serviceId === dropped);
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(alice);
    const profilePseudonyms = (await network.stores.profile.collection('profiles').find({})).map((profile) => profile._id);
    expect(profilePseudonyms).not.toContain(mine[0]?.pseudonym);

    // Export has it; deletion removes it, and it leaves the packages as before.
    const exported = await network.query('mutation { exportMyData { complete parts { subgraph data } } }', {}, bearer(alice));
    const part = exported.data.exportMyData.parts.find((entry: { subgraph: string }) => entry.subgraph === 'recommendation');
    expect(JSON.stringify(part.data)).toContain(dropped);
    const deleted = await network.query('mutation { deleteMyData { complete } }', {}, bearer(alice));
    expect(deleted.data.deleteMyData.complete).toBe(true);
    expect(await network.stores.recommendation.collection('feedback').countDocuments({ pseudonym: mine[0]?.pseudonym })).toBe(0);
    expect(await ask(alice)).toEqual(before);
  });

  it('refuses feedback without an identity, and for an unknown service', async () => {
    const anonymous = await network.query('mutation { recordFeedback(serviceId: "x", kind: USED) { kind } }');
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await network.query('mutation { recordFeedback(serviceId: "no-such-service", kind: USED) { kind } }', {}, bearer(await newIdentity()));
    expect(unknown.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(unknown.errors[0].message).toContain('no-such-service');
  });
});
