import { startTestNetwork, type TestNetwork } from '../e2e/network';

/**
 * The packages a new user found wanting, asked through the router as a frontend would: several
 * needs from one sentence, a place to visit only where it is, titles that tell packages apart,
 * no service twice, a life event's core services first, nothing for companies.
 */
let network: TestNetwork;

const PACKAGES = `query($situation: SituationInput!, $first: Int) {
  recommendServicePackages(situation: $situation, first: $first) {
    title(language: EN) explanation(language: EN)
    needs { id }
    items {
      reasons(language: EN)
      placeToVisit { nearness municipalityCode channel { name visitingAddresses { municipality { code name } } } }
      service { id name(language: FI) }
    }
  }
}`;

interface Item {
  reasons: string[];
  placeToVisit: {
    nearness: string;
    municipalityCode: string | null;
    channel: { name: string | null; visitingAddresses: { municipality: { code: string; name: string } | null }[] };
  } | null;
  service: { id: string; name: string };
}
interface Package {
  title: string;
  explanation: string;
  needs: { id: string }[];
  items: Item[];
}

async function packages(situation: Record<string, unknown>, first = 3): Promise<Package[]> {
  network.reset();
  const body = await network.query(PACKAGES, { situation, first });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  // One question to the engine; names and places come from the directory.
  expect(network.traffic.recommendation.requests).toEqual(['query']);
  expect(network.traffic['service-directory'].requests.every((kind) => kind === '_entities')).toBe(true);
  return body.data.recommendServicePackages;
}

const names = (answer: Package[]) => answer.flatMap((pack) => pack.items.map((item) => item.service.name));

/** The rules every answer keeps, whatever the situation. */
function expectTrustworthy(answer: Package[], municipality: { code: string; name: string } | null) {
  const ids = answer.flatMap((pack) => pack.items.map((item) => item.service.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(names(answer)).size).toBe(ids.length);
  const titles = answer.map((pack) => pack.title);
  expect(new Set(titles).size).toBe(titles.length);
  for (const pack of answer) {
    const local = pack.items.filter((item) => item.placeToVisit?.nearness === 'YOUR_MUNICIPALITY');
    if (municipality) expect(pack.explanation.includes(`visit in person in ${municipality.name}`)).toBe(local.length > 0);
    for (const item of pack.items) {
      const place = item.placeToVisit;
      if (!place) {
        expect(item.reasons.join(' ')).not.toMatch(/visit/);
        continue;
      }
      // The place named is one of the service location's addresses, and the words say where it is.
      const towns = place.channel.visitingAddresses.flatMap((address) => (address.municipality ? [address.municipality] : []));
      expect(towns.map((town) => town.code)).toContain(place.municipalityCode);
      const town = towns.find((candidate) => candidate.code === place.municipalityCode) as { name: string };
      expect(item.reasons.join(' ')).toContain(town.name);
      if (place.nearness === 'YOUR_MUNICIPALITY') expect(place.municipalityCode).toBe(municipality?.code);
      else expect(item.reasons.join(' ')).not.toMatch(/^You can visit it in person/m);
    }
  }
}

beforeAll(async () => {
  network = await startTestNetwork();
  await network.syncCatalogue();
}, 120_000);
afterAll(() => network.close());

describe('packages a person can trust', () => {
  it('reads several needs from one sentence, in free text: work and debts both covered', async () => {
    const answer = await packages({ text: 'I lost my job and I have debts', municipality: '491', language: 'EN' });
    expect(answer.length).toBeGreaterThan(0);
    expect(answer[0]?.needs.length).toBeGreaterThanOrEqual(2);
    const first = answer[0]?.items.map((item) => item.service.name) ?? [];
    expect(first).toEqual(expect.arrayContaining(['Talous- ja velkaneuvonta']));
    expect(first.some((name) => /ansiopäiväraha|työttöm/i.test(name))).toBe(true);
    expectTrustworthy(answer, { code: '491', name: 'Mikkeli' });
    const finnish = await packages({ text: 'velkaongelmat ja rahahuolet', language: 'FI' });
    expect(names(finnish)).toContain('Talous- ja velkaneuvonta');
  });

  it('claims a place to visit in Mikkeli only with an address there, and otherwise names where the nearest is', async () => {
    const jobLoss = await packages({ lifeEvents: ['KE8'], municipality: '491', language: 'EN' }, 5);
    expectTrustworthy(jobLoss, { code: '491', name: 'Mikkeli' });
    // The tax office has no place in Mikkeli: its nearest, Savonlinna, is in Mikkeli's wellbeing services county.
    const places = jobLoss.flatMap((pack) => pack.items).filter((item) => item.placeToVisit);
    expect(places.length).toBeGreaterThan(0);
    for (const item of places) expect(item.placeToVisit?.nearness).not.toBe('YOUR_MUNICIPALITY');
    // Building a home in Mikkeli: the city's building permits have an address there (the city's services are in Finnish).
    const building = await packages({ lifeEvents: ['KE6'], municipality: '491', language: 'FI' });
    expectTrustworthy(building, { code: '491', name: 'Mikkeli' });
    const local = building.flatMap((pack) => pack.items).filter((item) => item.placeToVisit?.nearness === 'YOUR_MUNICIPALITY');
    expect(local.length).toBeGreaterThan(0);
    expect(building.some((pack) => pack.explanation.includes('One of them you can visit in person in Mikkeli'))).toBe(true);
  });

  it('titles packages apart, gives retirement a pension first, and keeps the tax card out of the first package', async () => {
    const retirement = await packages({ lifeEvents: ['KE10'], language: 'FI' });
    expectTrustworthy(retirement, null);
    const first = retirement[0]?.items.map((item) => item.service.name) ?? [];
    expect(first.some((name) => /eläk/i.test(name))).toBe(true);
    expect(first).not.toContain('Verokortti');
    const jobLoss = await packages({ lifeEvents: ['KE8'], language: 'EN' });
    const titles = jobLoss.map((pack) => pack.title);
    expect(titles[1]).toMatch(/^Losing a job — ./);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('never offers a person with debts the guarantees meant for companies', async () => {
    for (const situation of [
      { lifeEvents: ['KE9'], language: 'FI' },
      { text: 'minulla on velkoja', language: 'FI' },
      { lifeEvents: ['KE9'], text: 'debts', language: 'EN' },
    ]) {
      const answer = await packages(situation, 5);
      expect(answer.length).toBeGreaterThan(0);
      expect(names(answer)).not.toEqual(expect.arrayContaining(['Vientitakuut']));
      expect(names(answer)).not.toEqual(expect.arrayContaining(['Takaukset']));
      expectTrustworthy(answer, null);
    }
  });

  it('in the chat, "I lost my job and I have debts" gets both work and debt services', async () => {
    const chat = async (message: string, sessionId: string | null) =>
      (
        await network.query(
          'mutation($id: ID, $m: String!) { chat(sessionId: $id, message: $m, language: EN) { sessionId reply services { name(language: FI) } } }',
          { id: sessionId, m: message },
        )
      ).data.chat;
    const first = await chat('I lost my job and I have debts', null);
    await chat('skip', first.sessionId);
    const answer = await chat('skip', first.sessionId);
    const shown = answer.services.map((service: { name: string }) => service.name);
    expect(shown).toContain('Talous- ja velkaneuvonta');
    expect(shown.some((name: string) => /ansiopäiväraha|työttöm/i.test(name))).toBe(true);
  });
});
