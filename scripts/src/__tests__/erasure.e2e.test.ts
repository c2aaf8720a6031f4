import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { filesHolding as filesOnDisk } from '../e2e/files';
import { startTestNetwork, type TestNetwork } from '../e2e/network';

/**
 * Erasure on disk: every store keeps its data in files, as under `npm start`. A person uses the
 * profile, recommendations, the chat and How am I doing?, then deletes; afterwards no file under
 * the data folder holds any of their strings. Conversations forgotten after 30 days go the same way.
 */
let network: TestNetwork;
let dataDir: string;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newIdentity(): Promise<string> {
  const response = await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

async function ask(query: string, variables: Record<string, unknown>, token?: string) {
  const result = await network.query(query, variables, token ? bearer(token) : {});
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const CHAT = 'mutation($id: ID, $message: String!) { chat(sessionId: $id, message: $message, language: FI) { sessionId } }';

const filesHolding = (strings: string[]) => filesOnDisk(dataDir, strings);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-erasure-'));
  network = await startTestNetwork({ dataDir });
  await network.syncCatalogue();
}, 120_000);

afterAll(() => network.close());

describe('deleting my data leaves nothing of me on disk', () => {
  it('erases the profile, feedback, conversations, transfer codes and assessments from every file', async () => {
    const alice = await newIdentity();
    const carol = await newIdentity();
    const UPDATE = 'mutation($input: AttributesInput!) { updateMyAttributes(input: $input) { handle } }';
    await ask(UPDATE, { input: { interests: ['chess-6a1d'] } }, carol);
    network.reset(); // from here on, every pseudonym a subgraph receives is Alice's
    await ask(UPDATE, { input: { age: 34, municipality: '564', lifeEvents: ['KE8'], interests: ['sailing-4b7c'], wellbeing: { finance: 2 } } }, alice);
    await ask(UPDATE, { input: { interests: ['sailing-4b7c', 'knitting-2f8d'] } }, alice); // an earlier version stays in the journal until erased
    await ask('mutation { grantConsent(purpose: RECOMMENDATION, attributes: [AGE, LIFE_EVENTS, INTERESTS]) { handle } }', {}, alice);
    const recommended = await ask('{ me { recommendations(first: 1) { services { id } } } }', {}, alice);
    const serviceId = recommended.me.recommendations[0].services[0].id as string;
    await ask('mutation($id: ID!) { recordFeedback(serviceId: $id, kind: HELPFUL) { kind } }', { id: serviceId }, alice);
    const started = await ask(CHAT, { id: null, message: 'Olen yksinäinen, kissani Mirri-5b1e kuoli' }, alice);
    const sessionId = started.chat.sessionId as string;
    await ask(CHAT, { id: sessionId, message: 'Asun Oulussa' }, alice);
    const transfer = await ask(
      'mutation($id: ID!) { startTransfer(sessionId: $id, recipient: "a7c1f3e2-0000-4000-8000-000000000001", attributes: [MUNICIPALITY]) { code } }',
      { id: sessionId },
      alice,
    );
    await ask('mutation { recordWellbeingAssessment(meters: { friends: 1, health: 3 }) { recordedAt } }', {}, alice);

    const pseudonyms = (['profile', 'recommendation', 'chatbot', 'how-am-i-doing'] as const).map(
      (name) => network.traffic[name].headers.map((headers) => headers['x-aurora-pseudonym']).find(Boolean) as string,
    );
    expect(new Set(pseudonyms).size).toBe(4); // one each, all different
    const alices = [alice, sessionId, transfer.startTransfer.code as string, 'sailing-4b7c', 'knitting-2f8d', 'Mirri-5b1e', ...pseudonyms];
    // The scan finds what is there: before the deletion each of these is on disk (but the token and the code, which never are).
    const before = filesHolding(alices);
    for (const value of ['sailing-4b7c', 'knitting-2f8d', 'Mirri-5b1e', sessionId]) expect(before[value]?.length).toBeGreaterThan(0);
    expect(Object.keys(before)).not.toContain(alice);
    expect(Object.keys(before)).not.toContain(transfer.startTransfer.code);
    expect(Object.keys(filesHolding(pseudonyms))).toHaveLength(4); // each subgraph keeps her under its own pseudonym

    const report = await ask('mutation { deleteMyData { complete parts { subgraph status deletedRecords } } }', {}, alice);
    expect(report.deleteMyData.complete).toBe(true);
    expect(
      report.deleteMyData.parts.filter((part: { deletedRecords: number }) => part.deletedRecords > 0).map((part: { subgraph: string }) => part.subgraph),
    ).toEqual(['chatbot', 'how-am-i-doing', 'profile', 'recommendation']);

    const aliceAgain = await ask('{ me { attributes { interests } } }', {}, alice);
    expect(aliceAgain.me.attributes.interests).toEqual([]);
    expect(filesHolding(alices)).toEqual({});
    // The other person's data stays.
    expect(filesHolding(['chess-6a1d'])['chess-6a1d']).toEqual([path.join('profile', 'profiles.jsonl')]);
  });

  it('erases a conversation, and its transfer code, once it is forgotten after 30 days', async () => {
    const bob = await newIdentity();
    const started = await ask(CHAT, { id: null, message: 'Kultakalani Kulta-8d2a kuoli, olen surullinen' }, bob);
    const sessionId = started.chat.sessionId as string;
    await ask(CHAT, { id: sessionId, message: 'Asun Oulussa' }, bob);
    await ask(
      'mutation($id: ID!) { startTransfer(sessionId: $id, recipient: "a7c1f3e2-0000-4000-8000-000000000001", attributes: [MUNICIPALITY]) { code } }',
      { id: sessionId },
      bob,
    );
    expect(filesHolding(['Kulta-8d2a'])['Kulta-8d2a']).toEqual([path.join('chatbot', 'sessions.jsonl')]);
    expect(filesHolding([sessionId])[sessionId]?.sort()).toEqual([path.join('chatbot', 'sessions.jsonl'), path.join('chatbot', 'transfers.jsonl')]);
    await network.stores.chatbot.collection('sessions').updateOne({ _id: sessionId }, { $set: { updatedAt: '2020-01-01T00:00:00.000Z' } });
    // The chatbot forgets idle conversations when it starts and every hour after.
    await network.stopSubgraph('chatbot');
    await network.restartSubgraph('chatbot');
    expect(await network.stores.chatbot.collection('transfers').countDocuments({ sessionId })).toBe(0);
    expect(filesHolding(['Kulta-8d2a', sessionId])).toEqual({});
  });
});
