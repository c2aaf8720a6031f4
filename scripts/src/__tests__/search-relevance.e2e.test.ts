import { startTestNetwork, type TestNetwork } from '../e2e/network';

/**
 * The searches a new user tried and found wanting, asked through the router as a frontend would:
 * each answers as a person would expect, with one call to the directory and nothing else.
 */
let network: TestNetwork;
const SEARCH = 'query($text: String!) { services(filter: { text: $text }, first: 10) { totalCount edges { node { name(language: FI) } } } }';

async function names(text: string): Promise<string[]> {
  network.reset();
  const body = await network.query(SEARCH, { text });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  // One search is one call to the directory; no other subgraph is asked.
  expect(network.traffic['service-directory'].requests).toEqual(['query']);
  for (const other of ['kela', 'mikkeli', 'profile', 'recommendation', 'chatbot', 'how-am-i-doing'] as const)
    expect(network.traffic[other].requests).toEqual([]);
  return body.data.services.edges.map((edge: { node: { name: string } }) => edge.node.name);
}

beforeAll(async () => {
  network = await startTestNetwork();
}, 60_000);
afterAll(() => network.close());

describe('searching in everyday words', () => {
  it.each(['velkaongelma', 'velkaongelmat ja rahahuolet', 'debt advice', 'skuldrådgivning'])(
    '"%s" finds debt and financial counselling first',
    async (text) => {
      expect((await names(text))[0]).toBe('Talous- ja velkaneuvonta');
    },
  );

  it('"rahahuolet" (money worries) finds financial help: debt counselling and the social work for money matters first', async () => {
    expect((await names('rahahuolet')).slice(0, 2).sort()).toEqual(['Aikuissosiaalityön ja taloudellisen tuen palvelut', 'Talous- ja velkaneuvonta']);
  });

  it('reads compounds and everyday words for a crisis as the social and mental-health emergency services, not military crisis management', async () => {
    for (const text of ['kriisikeskus', 'kriisi']) {
      const found = await names(text);
      expect(found.slice(0, 3).every((name) => /päivystys|keskusteluapu/i.test(name))).toBe(true);
    }
    expect(await names('kriisi')).toContain('Sosiaalipäivystys');
  });

  it('matches inflected forms and consonant gradation to their base forms', async () => {
    for (const text of ['toimeentulotuki', 'toimeentulotuen', 'toimeentulotukea']) {
      expect((await names(text)).slice(0, 3).every((name) => /toimeentulotu/i.test(name))).toBe(true);
    }
  });

  it("puts the housing allowance before the farmers' hectare subsidy, and the specific word before the generic one", async () => {
    expect((await names('yleinen asumistuki'))[0]).toBe('Kelan tuet asumiseen');
    expect((await names('asumistuen hakeminen'))[0]).toBe('Kelan tuet asumiseen');
    expect((await names('palkkatuen hakeminen'))[0]).toMatch(/^Palkkatuki/);
    expect((await names('kuljetuspalvelun hakeminen')).slice(0, 2).every((name) => /kuljetuspalvelu/i.test(name))).toBe(true);
  });

  it("answers a Swedish sentence about a dentist with oral health care, not a women's shelter", async () => {
    const found = await names('jag behöver en tandläkare');
    expect(found.slice(0, 3).every((name) => /hammas|suun/i.test(name))).toBe(true);
    expect(found.slice(0, 3).filter((name) => /turvakoti/i.test(name))).toEqual([]);
  });

  it("puts services for companies below a person's own, unless the search is about a business", async () => {
    const personal = await names('velkaneuvonta');
    expect(personal[0]).toBe('Talous- ja velkaneuvonta');
    const forCompanies = 'Talous- ja velkaneuvonta yrityksille ja yrittäjille';
    const business = await names('velkaneuvonta yritykselle');
    expect(business.slice(0, 2)).toContain(forCompanies);
  });

  it('refuses a search with nothing to search for, or far too long, naming the field; mixed scripts search what they can', async () => {
    for (const [text, message] of [
      ['x'.repeat(100_000), 'filter.text must be at most 500 characters; it was 100000. Say the need in a few words.'],
      ['ja ja ja', 'filter.text has no words to search for'],
      ['!!! ??? …', 'filter.text has no words to search for'],
      [`${'a'.repeat(200)} velka`, 'filter.text has a word of 200 characters'],
    ]) {
      const body = await network.query(SEARCH, { text });
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.text' });
      expect(body.errors[0].message).toContain(message);
    }
    expect((await names('Москва 東京 velkaneuvonta'))[0]).toBe('Talous- ja velkaneuvonta');
  });
});
