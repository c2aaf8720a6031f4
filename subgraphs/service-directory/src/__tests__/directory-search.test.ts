import { createEmbeddedStore } from '@aurora/store';
import { countingStore } from '@aurora/store/testing';
import { createLogger, type RunningServer } from '@aurora/subgraph-kit';
import { postGraphQL } from '@aurora/subgraph-kit/testing';
import { createServiceDirectory } from '../index';

const counted = countingStore(createEmbeddedStore());
let server: RunningServer;
const query = (text: string, variables: Record<string, unknown> = {}) => postGraphQL(server.url, text, variables);

beforeAll(async () => {
  server = await (await createServiceDirectory({ store: counted.store, logger: createLogger('search-test', 'silent') })).listen(0);
});
afterAll(() => server.close());

const SEARCH = `query Search($filter: ServiceFilter, $first: Int, $after: String) {
  services(filter: $filter, first: $first, after: $after) {
    totalCount searchLanguage
    pageInfo { hasNextPage endCursor }
    edges { node { id fi: name(language: FI) en: name(language: EN) origin areaType areas { code region { code } } channels { __typename } }
            match { score language fields terms snippet } }
  }
}`;

async function search(filter: Record<string, unknown>, first = 10, after?: string) {
  const body = await query(SEARCH, { filter, first, after });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.services;
}

describe('full-text search', () => {
  it.each([
    ['lastensuojelu', 'FI', /^Lastensuojelu/],
    ['barnskydd', 'SV', /^Lastensuojelu/],
    ['child welfare', 'EN', /^Lastensuojelu/],
    ['arbetslös', 'SV', /^Työttömien/],
    ['unemployment', 'EN', /^Työttömien/],
    ['velkaneuvonta', 'FI', /velkaneuvonta/],
  ])('"%s" is read as %s and ranks relevant real services first', async (text, language, expected) => {
    const page = await search({ text }, 3);
    expect(page.searchLanguage).toBe(language);
    expect(page.edges[0].node.fi).toMatch(expected);
    expect(page.edges[0].match.language).toBe(language);
  });

  it('honours a given language over detection', async () => {
    const page = await search({ text: 'kirjasto', language: 'SV' }, 1);
    expect(page.searchLanguage).toBe('SV');
  });

  it('tolerates a typo and matches prefixes', async () => {
    // The maternity clinic, under either of its two names in the catalogue.
    expect((await search({ text: 'äitiysneuvla' }, 1)).edges[0].node.fi).toMatch(/^Äitiysneuvola(palvelut)?$/);
    expect((await search({ text: 'verokort' }, 1)).edges[0].node.fi).toBe('Verokortti');
  });

  it('finds Finnish-only services for an English query through the concepts that link them', async () => {
    const page = await search({ text: 'library' }, 100);
    const finnishOnly = page.edges.filter((edge: any) => edge.node.origin !== 'GENERAL_DESCRIPTION' && edge.node.en === edge.node.fi);
    expect(finnishOnly.length).toBeGreaterThan(0);
    expect(finnishOnly[0].match.terms).toContain('kirjasto');
  });

  it('says why a service matched', async () => {
    const [first] = (await search({ text: 'verokortti' }, 1)).edges;
    expect(first.match.fields).toContain('NAME');
    expect(first.match.terms).toContain('verokort');
    expect(first.match.snippet).toMatch(/<mark>verokortin?<\/mark>/i);
    expect(first.match.score).toBeGreaterThan(0);
  });

  it('pages through every result of a search exactly once with first: 7', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let total = 0;
    for (let guard = 0; guard < 100; guard += 1) {
      const page = await search({ text: 'asuminen' }, 7, after);
      total = page.totalCount;
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(20);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses a cursor from another search', async () => {
    const page = await search({ text: 'asuminen' }, 2);
    const body = await query(SEARCH, { filter: { text: 'kirjasto' }, first: 2, after: page.pageInfo.endCursor });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/cursor .* is not valid here/);
  });

  it.each([1, 25, 100])('reads the store once per search page whatever its size (first: %i)', async (first) => {
    counted.reset();
    const body = await query(
      'query($first: Int) { services(filter: { text: "palvelu", municipalities: ["491"] }, first: $first) { edges { node { id name } } } }',
      { first },
    );
    expect(body.data.services.edges).toHaveLength(first);
    expect(counted.operations).toEqual([{ collection: 'services', operation: 'find' }]);
    counted.reset();
    await search({ text: 'palvelu', municipalities: ['491'] }, first); // with every page's channels: at most one batch more
    expect(counted.operations.filter((operation) => operation.collection === 'services')).toEqual([{ collection: 'services', operation: 'find' }]);
    expect(counted.operations.filter((operation) => operation.collection === 'channels').length).toBeLessThanOrEqual(1);
  });
});

describe('filters', () => {
  it('never shows a municipal service outside its municipality, in listings and searches', async () => {
    for (const filter of [{ municipalities: ['564'] }, { municipalities: ['564'], text: 'neuvola' }]) {
      const page = await search(filter, 100);
      expect(page.totalCount).toBeGreaterThan(0);
      for (const { node } of page.edges) {
        if (node.areaType === 'MUNICIPALITIES') expect(node.areas.map((area: any) => area.code)).toContain('564');
      }
    }
  });

  it('widens a region and a wellbeing services county to their municipalities', async () => {
    const southSavo = await search({ regions: ['10'] }, 100);
    const mikkeli = await search({ municipalities: ['491'] }, 1);
    const oulu = await search({ municipalities: ['564'] }, 1);
    expect(southSavo.totalCount).toBe(mikkeli.totalCount); // Mikkeli is the only South Savo municipality with local services here
    for (const { node } of southSavo.edges) {
      if (node.areaType === 'MUNICIPALITIES') expect(node.areas.some((area: any) => area.region?.code === '10')).toBe(true);
    }
    const { data } = await query('{ municipalities { code wellbeingServiceCounty { code } } }');
    const ouluCounty = data.municipalities.find((municipality: any) => municipality.code === '564').wellbeingServiceCounty.code;
    expect((await search({ wellbeingServiceCounties: [ouluCounty] }, 1)).totalCount).toBe(oulu.totalCount);
  });

  it('finds services one can visit in person', async () => {
    const page = await search({ channelKinds: ['SERVICE_LOCATION'], municipalities: ['491'] }, 100);
    expect(page.totalCount).toBeGreaterThan(5);
    for (const { node } of page.edges) expect(node.channels.map((channel: any) => channel.__typename)).toContain('ServiceLocationChannel');
  });

  it('follows the service class and target group hierarchies', async () => {
    const parent = await search({ serviceClasses: ['P1'] }, 1);
    const { data } = await query('{ serviceClasses { code parent { code } } }');
    const children = data.serviceClasses.filter((cls: any) => cls.parent?.code === 'P1').map((cls: any) => cls.code);
    const childCounts = await Promise.all(children.map(async (code: string) => (await search({ serviceClasses: [code] }, 1)).totalCount));
    const onlyParent = await search({ serviceClasses: ['P1', ...children] }, 1);
    expect(parent.totalCount).toBe(onlyParent.totalCount);
    expect(parent.totalCount).toBeGreaterThanOrEqual(Math.max(...childCounts));
    const citizens = await search({ targetGroups: ['KR1'] }, 1);
    const children1 = await search({ targetGroups: ['KR1.1'] }, 1);
    expect(citizens.totalCount).toBeGreaterThan(children1.totalCount);
  });

  it('combines filters: each condition narrows the result', async () => {
    const all = await search({}, 1);
    const inMikkeli = await search({ municipalities: ['491'] }, 1);
    const housingInMikkeli = await search({ serviceClasses: ['P1'], municipalities: ['491'] }, 1);
    const visitable = await search({ serviceClasses: ['P1'], municipalities: ['491'], channelKinds: ['SERVICE_LOCATION'] }, 1);
    const inFinnish = await search({ serviceClasses: ['P1'], municipalities: ['491'], channelKinds: ['SERVICE_LOCATION'], languages: ['FI'] }, 1);
    expect(all.totalCount).toBeGreaterThan(inMikkeli.totalCount);
    expect(inMikkeli.totalCount).toBeGreaterThan(housingInMikkeli.totalCount);
    expect(housingInMikkeli.totalCount).toBeGreaterThanOrEqual(visitable.totalCount);
    expect(visitable.totalCount).toBeGreaterThanOrEqual(inFinnish.totalCount);
    expect(inFinnish.totalCount).toBeGreaterThan(0);
    expect((await search({ fundingTypes: ['MARKET_FUNDED'] }, 1)).totalCount).toBe(0);
  });

  it.each([
    [{ regions: ['99'] }, 'Unknown code "99" in filter.regions'],
    [{ wellbeingServiceCounties: ['x'] }, 'Unknown code "x" in filter.wellbeingServiceCounties'],
    [{ serviceClasses: ['P999'] }, 'Unknown code "P999" in filter.serviceClasses'],
  ])('refuses unknown codes (%j)', async (filter, message) => {
    const body = await query(SEARCH, { filter, first: 1 });
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain(message);
  });
});
