import { startTestNetwork, type TestNetwork } from '../e2e/network';

let network: TestNetwork;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newIdentity(): Promise<string> {
  const response = await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

const CHAT = `mutation($sessionId: ID, $message: String!, $language: Language) {
  chat(sessionId: $sessionId, message: $message, language: $language) {
    sessionId reply intent crisis language quickReplies
    packages { title explanation services { id } }
    services { id name provider { name } }
  }
}`;

async function say(message: string, sessionId: string | null, language: string | null, token?: string) {
  const result = await network.query(CHAT, { sessionId, message, language }, token ? bearer(token) : {});
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.chat;
}

beforeAll(async () => {
  network = await startTestNetwork();
  await network.syncCatalogue();
}, 90_000);

afterAll(() => network.close());

describe('the chatbot', () => {
  it.each([
    ['FI', ['Jäin työttömäksi', 'Asun Mikkelissä', 'olen 34'], 'Missä kunnassa asut?', 'Kuinka vanha olet?', 'Tässä palvelukokonaisuuksia'],
    ['SV', ['Jag blev arbetslös', 'Jag bor i Åbo', '45'], 'I vilken kommun bor du?', 'Hur gammal är du?', 'Här är tjänstepaket'],
    ['EN', ['I lost my job', 'I live in Tampere', "I'm 29"], 'Which municipality do you live in?', 'How old are you?', 'Here are packages of services'],
  ])('in %s asks one question at a time, then answers with packages the router resolves', async (language, messages, askMunicipality, askAge, answer) => {
    const first = await say(messages[0] as string, null, language);
    expect(first.intent).toBe('KE8');
    expect(first.reply).toContain(askMunicipality);
    expect(first.services).toEqual([]);
    const second = await say(messages[1] as string, first.sessionId, language);
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.reply).toContain(askAge);
    network.reset();
    const third = await say(messages[2] as string, first.sessionId, language);
    expect(third.reply).toContain(answer);
    expect(third.packages.length).toBeGreaterThan(0);
    expect(third.services.length).toBeGreaterThan(2);
    for (const service of third.services) expect(service.name).toEqual(expect.any(String)); // resolved by the directory through the router
    // The chatbot asked the recommendation engine through the router, once.
    expect(network.traffic.recommendation.requests).toEqual(['query']);
    expect(third.quickReplies.length).toBeGreaterThan(1);
  });

  const askWhereToGo = async (sessionId: string) => {
    const visit = await network.query(
      `mutation($id: ID) { chat(sessionId: $id, message: "Missä voin asioida paikan päällä?", language: FI) {
        intent reply services { name channels { __typename ... on ServiceLocationChannel { visitingAddresses { municipality { code name } } } } }
      } }`,
      { id: sessionId },
    );
    return visit.data.chat as {
      intent: string;
      reply: string;
      services: { name: string; channels: { visitingAddresses?: { municipality: { code: string; name: string } | null }[] }[] }[];
    };
  };
  const towns = (service: { channels: { visitingAddresses?: { municipality: { code: string; name: string } | null }[] }[] }) =>
    service.channels.flatMap((channel) => channel.visitingAddresses ?? []).flatMap((address) => (address.municipality ? [address.municipality] : []));

  it('tells more, and where to go in person, from the same situation', async () => {
    const first = await say('Jäin työttömäksi', null, 'FI');
    await say('Asun Mikkelissä', first.sessionId, 'FI');
    const packages = await say('ohita', first.sessionId, 'FI');
    expect(packages.packages.length).toBeGreaterThan(0);
    const more = await say('Kerro lisää', first.sessionId, 'FI');
    expect(more.intent).toBe('more');
    expect(more.packages.length).toBeGreaterThan(0);
    const shown = new Set(packages.services.map((service: { id: string }) => service.id));
    expect(more.services.some((service: { id: string }) => !shown.has(service.id))).toBe(true);
    const visit = await askWhereToGo(first.sessionId);
    expect(visit.intent).toBe('visit');
    // Losing a job in Mikkeli: no service of these packages has an address in Mikkeli, and the chat does not claim one.
    expect(visit.reply).not.toContain('kunnassa Mikkeli;');
    for (const service of visit.services) expect(towns(service).map((town) => town.code)).not.toContain('491');
  });

  it('says "you can visit it in Mikkeli" only of services with an address in Mikkeli', async () => {
    const first = await say('Rakennan omakotitaloa', null, 'FI');
    await say('Asun Mikkelissä', first.sessionId, 'FI');
    await say('ohita', first.sessionId, 'FI');
    const visit = await askWhereToGo(first.sessionId);
    expect(visit.intent).toBe('visit');
    expect(visit.reply).toContain('Näihin palveluihin voit mennä paikan päälle kunnassa Mikkeli');
    expect(visit.services.length).toBeGreaterThan(0);
    for (const service of visit.services) expect(towns(service).map((town) => town.code)).toContain('491');
  });

  it.each([
    ['FI', 'En jaksa enää elää, haluan kuolla'],
    ['SV', 'Jag vill ta livet av mig'],
    ['EN', 'I want to kill myself'],
  ])('answers a crisis message in %s at once with the crisis line and 112, whatever the state', async (language, message) => {
    const started = await say(language === 'FI' ? 'Jäin työttömäksi' : language === 'SV' ? 'Jag blev arbetslös' : 'I lost my job', null, language);
    const turn = await say(message, started.sessionId, language);
    expect(turn.crisis).toBe(true);
    expect(turn.reply).toContain('09 2525 0111');
    expect(turn.reply).toContain('112');
    expect(turn.packages).toEqual([]);
    const words = { FI: 'Et ole yksin', SV: 'Du är inte ensam', EN: 'You are not alone' }[language];
    expect(turn.reply).toContain(words);
  });

  it('answers a crisis even in the first message and without a language', async () => {
    const turn = await say('haluan tappaa itseni', null, null);
    expect(turn).toMatchObject({ crisis: true, language: 'FI' });
    expect(turn.reply).toContain('09 2525 0111');
  });

  it('refuses empty and oversized messages clearly, and starts over for an unknown session', async () => {
    const empty = await network.query(CHAT, { message: '   ' });
    expect(empty.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('message must not be empty') });
    const long = await network.query(CHAT, { message: 'a'.repeat(10_000) });
    expect(long.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('at most 2000 characters; it was 10000') });
    const unknown = await say('hei', 'no-such-session', 'FI');
    expect(unknown.sessionId).not.toBe('no-such-session');
    expect(unknown.reply).toContain('En löytänyt aiempaa keskustelua');
    // Nothing broke: the chatbot still answers.
    expect((await say('hello', null, 'EN')).intent).toBe('greeting');
  });

  it('hands over only the consented attributes, once, to the recipient organisation only', async () => {
    const token = await newIdentity();
    const started = await say('Jäin työttömäksi', null, 'FI', token);
    await say('Asun Mikkelissä', started.sessionId, 'FI', token);
    await say('olen 34', started.sessionId, 'FI', token);
    const recipient = 'a7c1f3e2-0000-4000-8000-000000000001';
    const code = await network.query(
      'mutation($id: ID!, $to: ID!) { startTransfer(sessionId: $id, recipient: $to, attributes: [MUNICIPALITY, LIFE_EVENTS]) { code expiresAt attributes recipient } }',
      { id: started.sessionId, to: recipient },
      bearer(token),
    );
    expect(code.errors).toBeUndefined();
    const transfer = code.data.startTransfer;
    const REDEEM = 'mutation($code: String!) { redeemTransfer(code: $code) { age municipality lifeEvents needs language attributes } }';
    const otherOrganisation = await network.query(
      REDEEM,
      { code: transfer.code },
      bearer(await network.providerToken('b0000000-0000-4000-8000-000000000002', ['transfer:redeem'])),
    );
    expect(otherOrganisation.errors[0].extensions.code).toBe('FORBIDDEN');
    const withoutScope = await network.query(REDEEM, { code: transfer.code }, bearer(await network.providerToken(recipient, ['services:write'])));
    expect(withoutScope.errors[0].extensions.code).toBe('FORBIDDEN');
    const receiver = bearer(await network.providerToken(recipient, ['transfer:redeem']));
    const redeemed = await network.query(REDEEM, { code: transfer.code }, receiver);
    expect(redeemed.data.redeemTransfer).toEqual({
      age: null,
      municipality: '491',
      lifeEvents: ['KE8'],
      needs: null,
      language: null,
      attributes: ['MUNICIPALITY', 'LIFE_EVENTS'],
    });
    const again = await network.query(REDEEM, { code: transfer.code }, receiver);
    expect(again.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringContaining('already been used') });
    // The chatbot keeps no copy of what it handed over.
    const stored = await network.stores.chatbot.collection('transfers').find({});
    expect(stored.every((entry) => entry.values === null || entry.redeemedAt === null)).toBe(true);
    // The value is looked for as a value ("491"), not as a substring: a random session id or
    // pseudonym may contain those digits.
    expect(JSON.stringify(stored.filter((entry) => entry.redeemedAt))).not.toMatch(/"491"|"KE8"/);
  });
});

describe('How am I doing?', () => {
  it('stores answers under its own pseudonym, explains the meters and what affects what', async () => {
    const token = await newIdentity();
    const meters = await network.query(
      '{ wellbeingMeters(language: EN) { dimension inputField label explanation } wellbeingCausalModel(language: SV) { from { key } to { dimension } direction strength explanation source sourceUrl } }',
    );
    expect(meters.data.wellbeingMeters).toHaveLength(10);
    expect(meters.data.wellbeingMeters.find((meter: { dimension: string }) => meter.dimension === 'FINANCE')).toEqual({
      dimension: 'FINANCE',
      inputField: 'finance',
      label: 'Money matters',
      explanation: 'Your financial situation tells how you manage your expenses.',
    });
    const sleep = meters.data.wellbeingCausalModel.find(
      (link: { from: { key: string }; to: { dimension: string } }) => link.from.key === 'sleep' && link.to.dimension === 'HEALTH',
    );
    expect(sleep).toMatchObject({
      direction: 'INCREASES',
      strength: 'STRONG',
      explanation: 'Om sömn ökar eller blir bättre kan hälsa förbättras (starkt samband).',
      sourceUrl: expect.stringMatching(/^https:\/\/doi\.org\//),
    });

    const record = 'mutation($meters: WellbeingInput!) { recordWellbeingAssessment(meters: $meters) { recordedAt readings { dimension value } } }';
    expect((await network.query(record, { meters: { finance: 2 } })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await network.query(record, { meters: { finance: 11 } }, bearer(token));
    expect(bad.errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: 'meters.finance must be a whole number from 0 (worst) to 10 (best); it was 11.',
    });
    await network.query(record, { meters: { finance: 2, health: 7 } }, bearer(token));
    await network.query(record, { meters: { finance: 4, health: 8 } }, bearer(token));
    const history = await network.query('{ myWellbeingAssessments { readings { dimension value } } }', {}, bearer(token));
    expect(history.data.myWellbeingAssessments.map((answer: { readings: unknown[] }) => answer.readings)).toEqual([
      [
        { dimension: 'HEALTH', value: 7 },
        { dimension: 'FINANCE', value: 2 },
      ],
      [
        { dimension: 'HEALTH', value: 8 },
        { dimension: 'FINANCE', value: 4 },
      ],
    ]);
    expect(JSON.stringify(await network.stores['how-am-i-doing'].collection('assessments').find({}))).not.toContain(token);
  });

  it("deleting my data leaves nothing of the person in its store or the chatbot's", async () => {
    const token = await newIdentity();
    await network.query('mutation { recordWellbeingAssessment(meters: { friends: 1 }) { recordedAt } }', {}, bearer(token));
    const chat = await say('Olen yksinäinen', null, 'FI', token);
    const before = {
      how: await network.stores['how-am-i-doing'].collection('assessments').countDocuments({}),
      chat: await network.stores.chatbot.collection('sessions').countDocuments({}),
    };
    const exported = await network.query('mutation { exportMyData { complete parts { subgraph data } } }', {}, bearer(token));
    const parts = Object.fromEntries(
      exported.data.exportMyData.parts.map((part: { subgraph: string; data: string }) => [part.subgraph, JSON.parse(part.data)]),
    );
    expect(parts['how-am-i-doing']).toHaveLength(1);
    expect(JSON.stringify(parts.chatbot)).toContain('Olen yksinäinen');
    const deleted = await network.query('mutation { deleteMyData { complete parts { subgraph status deletedRecords } } }', {}, bearer(token));
    expect(deleted.data.deleteMyData.complete).toBe(true);
    const bySubgraph = Object.fromEntries(
      deleted.data.deleteMyData.parts.map((part: { subgraph: string; deletedRecords: number }) => [part.subgraph, part.deletedRecords]),
    );
    expect(bySubgraph).toMatchObject({ 'how-am-i-doing': 1, chatbot: 1 });
    expect(await network.stores['how-am-i-doing'].collection('assessments').countDocuments({})).toBe(before.how - 1);
    expect(await network.stores.chatbot.collection('sessions').countDocuments({})).toBe(before.chat - 1);
    expect(await network.stores.chatbot.collection('sessions').findOne({ _id: chat.sessionId })).toBeNull();
    const text = JSON.stringify([
      ...(await network.stores.chatbot.collection('sessions').find({})),
      ...(await network.stores['how-am-i-doing'].collection('assessments').find({})),
    ]);
    expect(text).not.toContain('Olen yksinäinen');
  });
});
