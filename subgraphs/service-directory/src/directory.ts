import { createHash } from 'node:crypto';
import { badUserInput, connectionFromPage, decodeCursor, encodeCursor, invalidCursor, pageSize, type Language, type Logger } from '@aurora/subgraph-kit';
import type { Filter } from '@aurora/store';
import { CodeCatalogue } from './code-catalogue';
import { readOntology } from './import/codelists';
import type { ChannelDocument, ChannelKind, ServiceDocument } from './model';
import type { DirectoryRepository, ListPosition } from './repository';
import { isStopword, tokenize, TEXT_LANGUAGES, type TextLanguage } from './search/analysis';
import { ConceptIndex } from './search/concepts';
import { explain, ServiceSearchIndex, type MatchedPart, type SearchAnalysis } from './search/search-index';
import { serviceQuery, type ServiceFilterInput } from './service-filter';
import type { ServiceEdge, ServicePage } from './connection';

export type { ServiceEdge, ServiceMatch, ServicePage } from './connection';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const isListPosition = (value: unknown): value is ListPosition =>
  typeof value === 'object' && value !== null && typeof (value as ListPosition).n === 'string' && typeof (value as ListPosition).i === 'string';

interface SearchPosition {
  o: number;
  f: string;
}

const isSearchPosition = (value: unknown): value is SearchPosition =>
  typeof value === 'object' &&
  value !== null &&
  Number.isInteger((value as SearchPosition).o) &&
  (value as SearchPosition).o >= 0 &&
  typeof (value as SearchPosition).f === 'string';

const toLanguage = (language: TextLanguage): Language => language.toUpperCase() as Language;

/**
 * The directory's read side: listings from the store in a stable order, and text searches from
 * the in-memory index, both filtered by the same query document.
 */
export class Directory {
  constructor(
    readonly repository: DirectoryRepository,
    readonly codes: CodeCatalogue,
    readonly search: ServiceSearchIndex,
  ) {}

  /** Loads the code lists and the ontology and indexes every stored service. */
  static async open(repository: DirectoryRepository, dataRoot: string, logger: Logger, analysis?: SearchAnalysis): Promise<Directory> {
    const started = Date.now();
    const codes = await CodeCatalogue.load(repository);
    const concepts = new ConceptIndex();
    for (const concept of readOntology(dataRoot)) concepts.add(concept);
    for (const list of ['lifeEvent', 'serviceClass', 'targetGroup'] as const) {
      for (const code of codes.all(list)) concepts.add({ id: `${list}:${code.code}`, labels: code.name });
    }
    const search = new ServiceSearchIndex(concepts, analysis);
    search.putAll(await repository.services.find({}));
    const ms = Date.now() - started;
    // Started with --expose-gc (the directory benchmark), the heap is measured without the build's garbage.
    (globalThis as { gc?: () => void }).gc?.();
    logger.info({ services: search.size, concepts: concepts.size, ms, heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) }, 'search index built');
    return new Directory(repository, codes, search);
  }

  /** Stores a service and brings the search index up to date with it. */
  async saveService(service: ServiceDocument): Promise<void> {
    await this.repository.services.replaceOne({ _id: service._id }, service, { upsert: true });
    this.search.put(service);
  }

  /** Stores a channel and refreshes the channel kinds of the services that use it. */
  async saveChannel(channel: ChannelDocument): Promise<void> {
    await this.repository.channels.replaceOne({ _id: channel._id }, channel, { upsert: true });
    const users = await this.repository.services.find({ channelIds: channel._id });
    if (users.length === 0) return;
    const channels = await this.repository.channelsByIds([...new Set(users.flatMap((service) => service.channelIds))]);
    const kindOf = new Map(channels.filter((candidate) => candidate.status !== 'ARCHIVED').map((candidate) => [candidate._id, candidate.kind]));
    for (const service of users) {
      const channelKinds = [...new Set(service.channelIds.map((id) => kindOf.get(id)).filter((kind): kind is ChannelKind => !!kind))].sort();
      if (JSON.stringify(channelKinds) !== JSON.stringify(service.channelKinds)) await this.saveService({ ...service, channelKinds });
    }
  }

  async services(input: ServiceFilterInput | null | undefined, args: PageArgs, extra: Filter = {}): Promise<ServicePage> {
    const first = pageSize(args.first);
    const base = serviceQuery(input, this.codes);
    const filter = Object.keys(extra).length === 0 ? base : Object.keys(base).length === 0 ? extra : { $and: [base, extra] };
    const text = input?.text?.trim();
    if (text) {
      checkSearchText(text);
      return this.searchPage(text, input?.language ?? null, extra, first, args.after ?? null, input);
    }
    const after = args.after ? decodeCursor(args.after, isListPosition) : null;
    const [fetched, totalCount] = await Promise.all([
      first === 0 ? Promise.resolve([]) : this.repository.listServices(filter, after, first + 1),
      this.repository.countServices(filter),
    ]);
    const connection = connectionFromPage(fetched, first, totalCount, (service) => encodeCursor({ n: service.sortName, i: service._id }));
    return { ...connection, searchLanguage: null, edges: connection.edges.map((edge) => ({ ...edge, match: null })) };
  }

  private async searchPage(
    text: string,
    language: Language | null,
    extra: Filter,
    first: number,
    afterCursor: string | null,
    input: ServiceFilterInput | null | undefined,
  ): Promise<ServicePage> {
    // A cursor belongs to one search: the same text, language and filter.
    const fingerprint = createHash('sha256').update(JSON.stringify({ text, language, input })).digest('base64url').slice(0, 12);
    const offset = afterCursor ? decodeCursor(afterCursor, isSearchPosition) : { o: 0, f: fingerprint };
    if (offset.f !== fingerprint && afterCursor) throw invalidCursor(afterCursor);
    // Archived services are not in the index at all, so their condition need not be tested per hit.
    const withoutStatus = serviceQuery({ ...input, includeArchived: true }, this.codes);
    const outcome = this.search.search(
      text,
      language ? (language.toLowerCase() as TextLanguage) : undefined,
      Object.keys(extra).length === 0 ? withoutStatus : { $and: [withoutStatus, extra] },
    );
    const pageHits = outcome.hits.slice(offset.o, offset.o + first);
    const documents = pageHits.length > 0 ? await this.repository.servicesByIds(pageHits.map((hit) => hit.id)) : [];
    const byId = new Map(documents.map((document) => [document._id, document]));
    const edges: ServiceEdge[] = [];
    pageHits.forEach((hit, index) => {
      const node = byId.get(hit.id);
      if (node) edges.push({ cursor: encodeCursor({ o: offset.o + index + 1, f: fingerprint }), node, match: { ...explain(hit), language: outcome.language } });
    });
    return {
      totalCount: outcome.hits.length,
      searchLanguage: toLanguage(outcome.language),
      pageInfo: { hasNextPage: offset.o + first < outcome.hits.length, endCursor: edges[edges.length - 1]?.cursor ?? null },
      edges,
    };
  }
}

export type { MatchedPart };

/** How long a search text may be, and one word of it: a need is said in a sentence, not a page. */
export const MAX_SEARCH_TEXT = 500;
export const MAX_SEARCH_WORD = 60;

/** BAD_USER_INPUT, naming the field, for a search text too long or with nothing to search for. */
function checkSearchText(text: string): void {
  if (text.length > MAX_SEARCH_TEXT) {
    throw badUserInput(`filter.text must be at most ${MAX_SEARCH_TEXT} characters; it was ${text.length}. Say the need in a few words.`, 'filter.text');
  }
  const words = tokenize(text);
  const long = words.find((word) => word.length > MAX_SEARCH_WORD);
  if (long) throw badUserInput(`filter.text has a word of ${long.length} characters; words longer than ${MAX_SEARCH_WORD} are not searched.`, 'filter.text');
  // A short word that is a stop word in any of the three languages ("ja", "och", "the") is no search on its own.
  const searchable = (word: string) => word.length > 1 && (word.length >= 4 || !TEXT_LANGUAGES.some((language) => isStopword(word, language)));
  if (!words.some(searchable)) {
    throw badUserInput(
      'filter.text has no words to search for (only punctuation, single letters or words such as "and"); write what you are looking for, such as "velkaneuvonta" or "dentist".',
      'filter.text',
    );
  }
}
