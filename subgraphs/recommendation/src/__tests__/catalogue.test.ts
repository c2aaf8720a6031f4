import { createEmbeddedStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import type { GraphQLPost } from '../catalogue';
import { RecommendationService } from '../recommendation-service';
import { emptySituation } from '../model';

const logger = createLogger('catalogue-test', 'silent');

function node(id: string, modified: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    nameFi: `Palvelu ${id} velkaneuvonta`,
    nameSv: null,
    nameEn: null,
    summaryFi: 'Neuvontaa velka-asioissa.',
    summarySv: null,
    summaryEn: null,
    descriptionFi: null,
    descriptionSv: null,
    descriptionEn: null,
    provider: { id: `org-${id}` },
    lifeEvents: [],
    serviceClasses: [{ code: 'P15.1' }],
    targetGroups: [],
    ontologyConcepts: [],
    areaType: 'NATIONWIDE',
    areas: [],
    languages: [],
    channels: [{ __typename: 'ServiceLocationChannel' }, { __typename: 'PhoneChannel' }],
    wellbeingDimensions: ['FINANCE'],
    status: 'ACTIVE',
    modified,
    ...fields,
  };
}

/** A fake router answering the catalogue query from a list, a page of `size` at a time, as the directory does. */
function fakeRouter(nodes: () => ReturnType<typeof node>[], size: number) {
  const calls: Record<string, unknown>[] = [];
  const post: GraphQLPost = async (_query, variables) => {
    calls.push(variables);
    const since = variables.since as string | null;
    const matching = nodes().filter((entry) => !since || entry.modified >= since);
    const start = variables.after ? Number(variables.after) : 0;
    const page = matching.slice(start, start + size);
    return {
      data: {
        services: {
          totalCount: matching.length,
          pageInfo: { hasNextPage: start + size < matching.length, endCursor: String(start + size) },
          edges: page.map((entry) => ({ node: entry })),
        },
      },
    };
  };
  return { post, calls };
}

describe("the engine's own copy of the catalogue", () => {
  it('reads every page, then asks only for what changed after the newest time it saw', async () => {
    const catalogue = [node('a', '2024-01-01T00:00:00.000Z'), node('b', '2024-01-01T00:00:00.000Z'), node('c', '2024-02-01T00:00:00.000Z')];
    const router = fakeRouter(() => catalogue, 2);
    const service = new RecommendationService(createEmbeddedStore(), logger);
    expect(await service.syncNow(router.post)).toMatchObject({ changed: 3, created: 3, pages: 2, syncedUntil: '2024-02-01T00:00:00.001Z' });
    expect(router.calls).toEqual([
      { since: null, after: null },
      { since: null, after: '2' },
    ]);
    router.calls.length = 0;
    expect(await service.syncNow(router.post)).toMatchObject({ changed: 0, pages: 1 });
    expect(router.calls).toEqual([{ since: '2024-02-01T00:00:00.001Z', after: null }]);

    catalogue.push(node('a', '2024-03-01T00:00:00.000Z', { status: 'ARCHIVED' }));
    catalogue.shift();
    expect(await service.syncNow(router.post)).toMatchObject({ changed: 1, updated: 1 });
    expect((await service.indexStatus()).services).toBe(2); // the archived one left the engine
    const channelKinds = (await service.catalogue.all()).find((entry) => entry._id === 'b')?.channelKinds;
    expect(channelKinds).toEqual(['PHONE', 'SERVICE_LOCATION']);
  });

  it('serves from its stored index after a restart, before the router answers', async () => {
    const store = createEmbeddedStore();
    const catalogue = ['a', 'b', 'c', 'd'].map((id) => node(id, '2024-01-01T00:00:00.000Z'));
    await new RecommendationService(store, logger).syncNow(fakeRouter(() => catalogue, 10).post);
    const restarted = new RecommendationService(store, logger);
    const down: GraphQLPost = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    await expect(restarted.syncNow(down)).rejects.toThrow('ECONNREFUSED');
    const answer = await restarted.recommend({ ...emptySituation(), meters: { FINANCE: 1 } }, 1, null);
    const served = answer.packages[0]?.items.map((item) => item.serviceId) ?? [];
    expect(served.length).toBeGreaterThanOrEqual(3);
    for (const id of served) expect(['a', 'b', 'c', 'd']).toContain(id);
  });

  it('keeps what it has when the router answers with an error, and says what went wrong', async () => {
    const service = new RecommendationService(createEmbeddedStore(), logger);
    const failing: GraphQLPost = async () => ({
      errors: [{ message: 'A service of the network (service-directory) is not answering.', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
    });
    await expect(service.syncNow(failing)).rejects.toThrow(
      'the catalogue could not be read through the router: SUBGRAPH_UNAVAILABLE A service of the network (service-directory) is not answering.',
    );
    expect(await service.catalogue.status()).toEqual({ syncedUntil: null, lastSyncAt: null });
  });
});
