import { compileFilter, type Filter } from '@aurora/store';
import MiniSearch, { type Query as SearchQuery, type SearchResult } from 'minisearch';
import type { ServiceDocument } from '../model';
import {
  analyse,
  analyseTerms,
  Decompounder,
  EverydayWords,
  genericStems,
  isForBusinesses,
  mentionsBusiness,
  tokenize,
  TEXT_LANGUAGES,
  Vocabulary,
  type TextLanguage,
} from './analysis';
import type { ConceptIndex } from './concepts';

const PARTS = ['name', 'summary', 'description', 'concepts'] as const;
export type MatchedPart = (typeof PARTS)[number];

const FIELD_BOOST: Record<MatchedPart, number> = { name: 4, summary: 2, description: 1, concepts: 1.5 };
/** The query's own language counts fully; the other languages and concept translations less. */
const OTHER_LANGUAGE_WEIGHT = 0.6;
const CONCEPT_WEIGHT = 0.5;
const PART_WEIGHT = 0.5;
/** A query word the catalogue itself uses this many times is searched as written, without its compound parts. */
const KNOWN_WORD_USES = 10;
const NO_KEYS: ReadonlySet<string> = new Set();
/** The catalogue's words for an everyday phrase of the query (searched as phrases, in Finnish). */
const EVERYDAY_WEIGHT = 0.7;
let everydayWords: EverydayWords | undefined;
/** Generic words ("… hakeminen", "palvelu", "tuki") beside a specific one count for this much of it. */
const GENERIC_WEIGHT = 0.25;
/** A service for companies weighs this much in a search that is not about a business. */
const BUSINESS_WEIGHT = 0.5;
/** A query that is a service's whole name, as written or inflected, weighs that service this much more. */
const NAME_MATCH_BOOST = 2;
const DESCRIPTION_LIMIT = 3000;
/** A query word's stem this long keeps its full typo distance even when the catalogue uses it (see typoDistance). */
const LONG_WORD = 12;

const field = (language: TextLanguage, part: MatchedPart) => `${language}_${part}`;
const fieldsOf = (language: TextLanguage) => PARTS.map((part) => field(language, part));

/** What a service is filtered on in memory: the same fields the store filters on. */
export type FacetDocument = Pick<
  ServiceDocument,
  | '_id'
  | 'lifeEvents'
  | 'serviceClasses'
  | 'targetGroups'
  | 'coverage'
  | 'municipalities'
  | 'providerId'
  | 'languages'
  | 'channelKinds'
  | 'fundingType'
  | 'status'
>;

export interface SearchHit {
  id: string;
  score: number;
  /** Stemmed words of the service that matched. */
  terms: string[];
  parts: MatchedPart[];
}

export interface SearchOutcome {
  language: TextLanguage;
  /** Every match, best first; the why (terms, fields) is worked out only for a page of them. */
  hits: RankedHit[];
}

/**
 * How texts are read: `compounds` (the default) also indexes and searches the parts of Finnish and
 * Swedish compounds and undoes consonant gradation in query words; `stems` is Snowball stemming
 * alone, as before, kept to measure against (`npm run eval:search`).
 */
export type SearchAnalysis = 'stems' | 'compounds';

export interface RankedHit {
  id: string;
  score: number;
  result: SearchResult;
}

function facets(service: ServiceDocument): FacetDocument {
  const { _id, lifeEvents, serviceClasses, targetGroups, coverage, municipalities, providerId, languages, channelKinds, fundingType, status } = service;
  return { _id, lifeEvents, serviceClasses, targetGroups, coverage, municipalities, providerId, languages, channelKinds, fundingType, status };
}

/**
 * The directory's full-text index over names, summaries, descriptions and concept labels in
 * Finnish, Swedish and English, each field stemmed with its language's Snowball stemmer
 * (MiniSearch). Filters are the same MongoDB query documents the store evaluates, tested in
 * memory against each hit (mingo), so a search and a listing agree on what a filter means.
 */
export class ServiceSearchIndex {
  private readonly index: MiniSearch;
  private readonly facetsById = new Map<string, FacetDocument>();
  /** Services for companies and organisations rather than people (their target groups, or their name says so). */
  private readonly forBusinesses = new Set<string>();
  /** Each service's name, stemmed, per language (kept to update idsByNameKey when the name changes). */
  private readonly nameKeys = new Map<string, Set<string>>();
  /** The services by their name's key: a query that is a service's whole name finds them without looking at every result. */
  private readonly idsByNameKey = new Map<string, Set<string>>();
  /** Every stem each language's fields hold: how the language of a query is told. */
  private readonly vocabulary: Record<TextLanguage, Set<string>> = { fi: new Set(), sv: new Set(), en: new Set() };

  /** Each everyday phrase's matches (see phraseMatches); emptied whenever the index changes. */
  private readonly phraseCache = new Map<string, SearchResult[]>();

  /** The corpus's own words, for splitting compounds; null with the `stems` analysis. */
  private readonly decompounder: Decompounder | null;

  constructor(
    private readonly concepts: ConceptIndex,
    analysis: SearchAnalysis = 'compounds',
  ) {
    this.decompounder = analysis === 'compounds' ? new Decompounder(new Vocabulary()) : null;
    this.index = new MiniSearch({
      idField: 'id',
      fields: TEXT_LANGUAGES.flatMap(fieldsOf),
      processTerm: (term, fieldName) => {
        const language = (fieldName ?? 'fi').slice(0, 2) as TextLanguage;
        const terms = analyseTerms(term, language, this.decompounder ?? undefined);
        const [stem] = terms;
        if (stem) this.vocabulary[language].add(stem);
        return terms;
      },
    });
  }

  /** Teaches the decompounder the words of a service's texts (not its concept labels). */
  private learn(document: Record<string, string>): void {
    if (!this.decompounder) return;
    for (const language of TEXT_LANGUAGES) {
      for (const part of ['name', 'summary', 'description'] as const) this.decompounder.vocabulary.learn(document[field(language, part)] ?? '', language);
    }
  }

  private document(service: ServiceDocument): Record<string, string> {
    const document: Record<string, string> = { id: service._id };
    const codeIds = [
      ...service.lifeEvents.map((code) => `lifeEvent:${code}`),
      ...service.serviceClasses.map((code) => `serviceClass:${code}`),
      ...service.targetGroups.map((code) => `targetGroup:${code}`),
    ];
    for (const language of TEXT_LANGUAGES) {
      document[field(language, 'name')] = service.name[language] ?? '';
      document[field(language, 'summary')] = service.summary[language] ?? '';
      document[field(language, 'description')] = (service.description[language] ?? '').slice(0, DESCRIPTION_LIMIT);
      document[field(language, 'concepts')] = [
        ...this.concepts.labels(codeIds, language),
        ...this.concepts.labels(service.ontologyConcepts ?? [], language),
        ...(language === 'fi' ? (service.keywords ?? []) : []),
      ].join(' · ');
    }
    return document;
  }

  /** Adds a service, or replaces it; an archived service stays out of search but keeps its facets. */
  put(service: ServiceDocument, learned = false): void {
    this.phraseCache.clear();
    if (this.index.has(service._id)) this.index.discard(service._id);
    this.facetsById.set(service._id, facets(service));
    if (isForBusinesses(service.name, service.targetGroups, service.summary)) this.forBusinesses.add(service._id);
    else this.forBusinesses.delete(service._id);
    const names = new Set<string>();
    for (const language of TEXT_LANGUAGES) {
      const key = stemKey(service.name[language] ?? '', language);
      if (key) names.add(`${language}:${key}`);
    }
    for (const key of this.nameKeys.get(service._id) ?? NO_KEYS) this.idsByNameKey.get(key)?.delete(service._id);
    this.nameKeys.set(service._id, names);
    for (const key of names) {
      const ids = this.idsByNameKey.get(key) ?? new Set<string>();
      ids.add(service._id);
      this.idsByNameKey.set(key, ids);
    }
    if (service.status === 'ARCHIVED') return;
    const document = this.document(service);
    if (!learned) this.learn(document);
    this.index.add(document);
  }

  /** Indexes many services; their words are learnt first, so that each one's compounds split by all. */
  putAll(services: Iterable<ServiceDocument>): void {
    const all = [...services];
    for (const service of all) if (service.status !== 'ARCHIVED') this.learn(this.document(service));
    for (const service of all) this.put(service, true);
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** The language a query is most likely in: the one whose vocabulary knows most of its words. */
  detectLanguage(text: string): TextLanguage {
    let best: TextLanguage = 'fi';
    let bestScore = -1;
    for (const language of TEXT_LANGUAGES) {
      let score = 0;
      for (const word of tokenize(text)) {
        const stem = analyse(word, language);
        if (stem === null)
          score += 0.5; // a stop word of that language
        else if (this.vocabulary[language].has(stem)) score += 1;
        else if (this.decompounder && this.decompounder.split(word, language).length > 1) score += 0.8; // a compound of its words
      }
      if (/[åÅ]/.test(text) && language === 'sv') score += 1;
      if (score > bestScore) {
        best = language;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Ranked services for a text, in every language: the query language fully, the others and
   * the concepts it names (translated through their labels) with less weight. `filter` is a
   * MongoDB query document over the service's facets. Ties are broken by id, so the order is
   * the same for the same data.
   */
  search(text: string, language: TextLanguage | undefined, filter: Filter): SearchOutcome {
    const queryLanguage = language ?? this.detectLanguage(text);
    const named = this.concepts.find(text);
    const { specific, generic, business } = this.readQuery(text);
    const understood = this.understood(specific, queryLanguage);
    const subqueries: SearchQuery[] = [];
    for (const target of TEXT_LANGUAGES) {
      const own = target === queryLanguage;
      const options = {
        fields: fieldsOf(target),
        processTerm: (term: string) => analyse(term, target),
        prefix: (term: string) => term.length >= 4,
      };
      // Typos are forgiven in the query's own language only: fuzzy matching is the costly part.
      subqueries.push({
        ...options,
        queries: [specific],
        boost: boosts(target, own ? 1 : OTHER_LANGUAGE_WEIGHT),
        fuzzy: own ? (term: string) => typoDistance(term, understood) : false,
      });
      if (generic) subqueries.push({ ...options, queries: [generic], boost: boosts(target, (own ? 1 : OTHER_LANGUAGE_WEIGHT) * GENERIC_WEIGHT) });
      // The parts of the query's compounds and the base forms of its inflected words count less than the words as written.
      // Only in the query's own language: a Finnish word's parts mean nothing in Swedish or English text.
      const parts = own ? this.expansions(text, target) : [];
      if (parts.length > 0) {
        // Only in names and concepts: a part such as "päivä" is in thousands of descriptions and summaries, and says little there.
        subqueries.push({
          fields: [field(target, 'name'), field(target, 'concepts')],
          queries: parts,
          processTerm: (term: string) => term,
          combineWith: 'OR',
          prefix: false,
          fuzzy: false,
          boost: boosts(target, (own ? 1 : OTHER_LANGUAGE_WEIGHT) * PART_WEIGHT),
        });
      }
      // Concept labels carry the query into the other languages; in its own language the text is searched already.
      const translations = own ? [] : named.map((concept) => concept.labels[target]).filter((label): label is string => !!label);
      if (translations.length > 0) {
        subqueries.push({ ...options, queries: translations, combineWith: 'OR', boost: boosts(target, CONCEPT_WEIGHT) });
      }
    }
    const test = Object.keys(filter).length > 0 ? compileFilter(filter) : null;
    const passes = test ? (id: string) => test(this.facetsById.get(id) ?? { _id: id }) : () => true;
    const results = this.index.search({ combineWith: 'OR', queries: subqueries }, test ? { filter: (result) => passes(String(result.id)) } : {});
    if (this.decompounder) {
      // The catalogue's words for the query's everyday phrases, added as MiniSearch adds the scores of an OR.
      const phrases = (everydayWords ??= EverydayWords.load()).find(text);
      // MiniSearch's score is the summed term scores times the number of query terms matched: undone, summed, redone.
      const byId = new Map(results.map((result) => [String(result.id), result]));
      const raw = (result: SearchResult) => result.score / Math.max(1, result.queryTerms.length);
      for (const phrase of phrases) {
        for (const match of this.phraseMatches(phrase)) {
          const id = String(match.id);
          if (!passes(id)) continue;
          const known = byId.get(id);
          if (!known) {
            const copy: SearchResult = { ...match, terms: [...match.terms], queryTerms: [...match.queryTerms], match: { ...match.match } };
            byId.set(id, copy);
            results.push(copy);
            continue;
          }
          const sum = raw(known) + raw(match);
          for (const term of match.queryTerms) if (!known.queryTerms.includes(term)) known.queryTerms.push(term);
          for (const [term, fields] of Object.entries(match.match)) known.match[term] = [...new Set([...(known.match[term] ?? []), ...fields])];
          known.terms = Object.keys(known.match);
          known.score = sum * Math.max(1, known.queryTerms.length);
        }
      }
    }
    // The services whose whole name the query is, in any language (usually none or a few).
    const namedByQuery = new Set<string>();
    for (const target of TEXT_LANGUAGES) for (const id of this.idsByNameKey.get(`${target}:${stemKey(text, target)}`) ?? NO_KEYS) namedByQuery.add(id);
    const weigh = (id: string, score: number) => {
      if (!this.decompounder) return score;
      // A person's search puts services for companies below their own; a search about a business the other way round.
      let weighted = business !== this.forBusinesses.has(id) ? score * BUSINESS_WEIGHT : score;
      if (namedByQuery.size > 0 && namedByQuery.has(id)) weighted *= NAME_MATCH_BOOST;
      return weighted;
    };
    const hits = results.map((result) => {
      const id = String(result.id);
      return { id, score: Math.round(weigh(id, result.score) * 1000) / 1000, result };
    });
    hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { language: queryLanguage, hits };
  }

  /**
   * The stems of the query's words that the catalogue's texts use: such a word is taken as written
   * right (see typoDistance). A compound of its words is not: two edits still find "juttuseura"
   * for "juttuseuraa" where its parts alone rank the wrong services first.
   */
  private understood(text: string, language: TextLanguage): Set<string> {
    const stems = new Set<string>();
    if (!this.decompounder) return stems;
    for (const word of tokenize(text)) {
      const stem = analyse(word, language);
      if (stem && this.vocabulary[language].has(stem)) stems.add(stem);
    }
    return stems;
  }

  /**
   * The query's specific words and its generic ones apart (only with the compounds analysis, and
   * only when both are there), and whether it is about a business.
   */
  private readQuery(text: string): { specific: string; generic: string | null; business: boolean } {
    if (!this.decompounder) return { specific: text, generic: null, business: false };
    const generic = genericStems();
    const words = tokenize(text);
    const matches = (word: string, stems: Record<TextLanguage, Set<string>>) =>
      TEXT_LANGUAGES.some((language) => analyseTerms(word, language, this.decompounder ?? undefined).some((term) => stems[language].has(term)));
    const isGeneric = words.map((word) => matches(word, generic));
    const business = mentionsBusiness(text, (word, language) => analyseTerms(word, language, this.decompounder ?? undefined));
    const specific = words.filter((_, index) => !isGeneric[index]);
    const rest = words.filter((_, index) => isGeneric[index]);
    if (specific.length === 0 || rest.length === 0) return { specific: text, generic: null, business };
    return { specific: specific.join(' '), generic: rest.join(' '), business };
  }

  /**
   * The services an everyday phrase's catalogue words find (every word in the Finnish name or
   * summary: they are service names), with their scores. The phrases are a fixed list and a
   * phrase's scores depend on it alone, so each is searched once per state of the index; many
   * of their words ("palvelut") are in most services, which makes the search the costly part.
   */
  private phraseMatches(phrase: string): SearchResult[] {
    let found = this.phraseCache.get(phrase);
    if (!found) {
      found = this.index.search({
        queries: [phrase],
        combineWith: 'AND',
        fields: [field('fi', 'name'), field('fi', 'summary')],
        processTerm: (term: string) => analyse(term, 'fi'),
        prefix: false,
        fuzzy: false,
        boost: boosts('fi', EVERYDAY_WEIGHT),
      } as SearchQuery);
      this.phraseCache.set(phrase, found);
    }
    return found;
  }

  /** Stems a query's words add beyond their own: compound parts and gradation base forms. */
  private expansions(text: string, language: TextLanguage): string[] {
    if (!this.decompounder) return [];
    const extra = new Set<string>();
    // A part that nearly every text uses ("hoito" of "päivähoito") tells little and costs most: it is left out.
    for (const word of tokenize(text)) {
      const [stem, ...more] = analyseTerms(word, language, this.decompounder, { gradation: true });
      // A word the catalogue itself uses often ("päivähoito") finds its services as written; its parts add cost, not services.
      if (stem && this.decompounder.vocabulary.count(stem, language) >= KNOWN_WORD_USES) continue;
      for (const term of more) if (term !== stem && !this.decompounder.isCommon(term, language, this.index.documentCount)) extra.add(term);
    }
    return [...extra];
  }
}

/** A text's stems in order, as one key: "Talous- ja velkaneuvonta" and "talous ja velkaneuvontaa" agree. */
function stemKey(text: string, language: TextLanguage): string {
  return tokenize(text)
    .map((word) => analyse(word, language))
    .filter((stem): stem is string => stem !== null)
    .join(' ');
}

/**
 * How far a query word may be from an indexed one and still match (MiniSearch's `fuzzy`): none for
 * short words; one edit for a word the catalogue's texts use, which is written right (two edits
 * matched little more there and were the costliest part of a search: each edit multiplies the
 * index terms compared); a fifth of the word's length otherwise, for typos. A long Finnish word
 * keeps its fifth even when known: the edits reach its other inflected forms (toimeentulotukea,
 * toimeentulotuen), which its stem alone does not.
 */
function typoDistance(term: string, understood: ReadonlySet<string>): number | false {
  if (term.length < 6) return false;
  return understood.has(term) && term.length < LONG_WORD ? 1 : 0.2;
}

function boosts(language: TextLanguage, weight: number): Record<string, number> {
  return Object.fromEntries(PARTS.map((part) => [field(language, part), FIELD_BOOST[part] * weight]));
}

/** Why one result matched: the stemmed terms and the parts of the service they were found in. */
export function explain(hit: RankedHit): SearchHit {
  const { result } = hit;
  const parts = new Set<MatchedPart>();
  for (const fields of Object.values(result.match)) for (const name of fields) parts.add(name.slice(3) as MatchedPart);
  return { id: hit.id, score: hit.score, terms: [...result.terms].sort(), parts: PARTS.filter((part) => parts.has(part)) };
}
