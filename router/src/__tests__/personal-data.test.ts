import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger, PERSONAL_DATA_PATH, PSEUDONYM_HEADER } from '@aurora/subgraph-kit';
import { PseudonymDeriver } from '../identity';
import { PersonalDataCoordinator } from '../personal-data';

const SECRET = 'personal-data-secret-for-this-test';
const deriver = new PseudonymDeriver(Buffer.alloc(32, 7));
const logger = createLogger('personal-data-test', 'silent');

/** A subgraph's personal-data interface: it keeps records per pseudonym, or keeps none (404). */
function personalDataServer(kept: Map<string, number> | null) {
  const received: { action: string; pseudonym: string | undefined; authorised: boolean }[] = [];
  const server = http.createServer((request, response) => {
    const action = (request.url ?? '').slice(PERSONAL_DATA_PATH.length);
    const pseudonym = request.headers[PSEUDONYM_HEADER] as string | undefined;
    received.push({ action, pseudonym, authorised: request.headers.authorization === `Bearer ${SECRET}` });
    response.setHeader('content-type', 'application/json');
    if (!kept) return void response.writeHead(404).end('{}');
    if (action === '') return void response.end('{"personalData":true}');
    if (action === '/export') return void response.end(JSON.stringify({ data: { records: kept.get(pseudonym ?? '') ?? 0 } }));
    const deletedRecords = kept.get(pseudonym ?? '') ?? 0;
    kept.delete(pseudonym ?? '');
    return void response.end(JSON.stringify({ deletedRecords }));
  });
  return { server, received };
}

async function listen(server: http.Server, port = 0): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe('the personal-data coordinator', () => {
  const identity = 'a'.repeat(43);
  const servers: http.Server[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it("exports and deletes with each subgraph's own pseudonym, skips subgraphs that keep none, and retries one that was down until it confirms", async () => {
    const profileRecords = new Map([[deriver.derive(identity, 'profile'), 3]]);
    const chatRecords = new Map([[deriver.derive(identity, 'chatbot'), 2]]);
    const profile = personalDataServer(profileRecords);
    const catalogue = personalDataServer(null);
    const chatbot = personalDataServer(chatRecords);
    servers.push(profile.server, catalogue.server, chatbot.server);
    const urls = new Map([
      ['profile', await listen(profile.server)],
      ['service-directory', await listen(catalogue.server)],
      ['chatbot', await listen(chatbot.server)],
    ]);
    // The chatbot goes down before the deletion.
    const chatbotPort = Number(new URL(urls.get('chatbot') as string).port);
    await new Promise((resolve) => chatbot.server.close(resolve));
    const coordinator = new PersonalDataCoordinator(() => urls, deriver, SECRET, createEmbeddedStore(), logger, 1000);

    const exported = await coordinator.export(identity);
    expect(exported).toEqual({
      complete: false,
      parts: [
        { subgraph: 'chatbot', status: 'UNAVAILABLE', data: null },
        { subgraph: 'profile', status: 'OK', data: '{"records":3}' },
      ],
    });

    const deleted = await coordinator.delete(identity);
    expect(deleted).toEqual({
      complete: false,
      parts: [
        { subgraph: 'chatbot', status: 'PENDING', deletedRecords: null },
        { subgraph: 'profile', status: 'DELETED', deletedRecords: 3 },
      ],
    });
    expect(profileRecords.size).toBe(0);
    // Each subgraph saw only its own pseudonym, never the identity, and every call carried the secret.
    const profileCalls = profile.received.filter((call) => call.pseudonym);
    expect(new Set(profileCalls.map((call) => call.pseudonym))).toEqual(new Set([deriver.derive(identity, 'profile')]));
    expect([...profile.received, ...catalogue.received].every((call) => call.authorised && call.pseudonym !== identity)).toBe(true);
    expect(catalogue.received.map((call) => call.action)).toEqual(['', '']);

    // Still down: the deletion stays pending.
    expect(await coordinator.retryPending()).toBe(1);
    // Back: the retry deletes, with the chatbot's pseudonym, and nothing is pending any more.
    await listen(chatbot.server, chatbotPort);
    expect(await coordinator.retryPending()).toBe(0);
    expect(chatRecords.size).toBe(0);
    expect(chatbot.received.map((call) => [call.action, call.pseudonym])).toEqual([['/delete', deriver.derive(identity, 'chatbot')]]);
  });
});
