import { analyse, analyseTerms, Decompounder, genericStems, TEXT_LANGUAGES, tokenize, Vocabulary, type TextLanguage } from '@aurora/text-analysis';
import MiniSearch, { type Query } from 'minisearch';
import type { IndexedService } from './model';

/**
 * How texts are analysed: `compounds` (the default) adds the parts of Finnish and Swedish
 * compounds learnt from the catalogue; `stems` is Snowball stems alone, the analysis before
 * compounds, kept so that the benchmark can measure what the compounds cost.
 */
export type TextAnalysis = 'compounds' | 'stems';

const field = (language: TextLanguage, part: 'name' | 'body') => `${language}_${part}`;
const FIELDS = TEXT_LANGUAGES.flatMap((language) => [field(language, 'name'), field(language, 'body')]);
const NAME_BOOST = 3;
const OTHER_LANGUAGE_WEIGHT = 0.6;
/** Stems that every service's text has ("service", "palvelu"): they say nothing about a need. */
const GENERIC = new Set(
  ['fi', 'sv', 'en'].flatMap((language) =>
    ['palvelu', 'palvelut', 'tjänst', 'tjänster', 'service', 'services']
      .map((word) => analyse(word, language as TextLanguage))
      .filter((stem): stem is string => !!stem),
  ),
);

export interface TextMatch {
  /** Relevance relative to the best match of the same search, 0–1. */
  score: number;
  /** The words of the query that matched, as the person wrote them where known. */
  terms: string[];
}

/** Words to search for, per language; a language left out is not searched. */
export type WordsByLanguage = Partial<Record<TextLanguage, string[]>>;

/**
 * Full-text matching over the engine's own copy of the catalogue, with the directory's analysis
 * (the same tokens, stop words, Snowball stems and compound parts learnt from the catalogue's own
 * words, from @aurora/text-analysis) and MiniSearch's BM25 ranking.
 */
export class TextIndex {
  private readonly decompounder = new Decompounder(new Vocabulary());
  private documents = 0;
  private readonly index = new MiniSearch<{ id: string }>({
    idField: 'id',
    fields: FIELDS,
    // Compound parts are indexed in the body only: a name names the service as a whole (Korjausavustukset is about grants).
    processTerm: (term, fieldName) => {
      const language = (fieldName ?? 'fi').slice(0, 2) as TextLanguage;
      return fieldName?.endsWith('_name') || this.analysis === 'stems' ? analyse(term, language) : analyseTerms(term, language, this.decompounder);
    },
  });

  constructor(
    services: Iterable<IndexedService>,
    readonly analysis: TextAnalysis = 'compounds',
  ) {
    const documents: { id: string; [field: string]: string }[] = [];
    for (const service of services) {
      const document: { id: string; [field: string]: string } = { id: service._id };
      for (const language of TEXT_LANGUAGES) {
        document[field(language, 'name')] = service.name[language] ?? '';
        document[field(language, 'body')] = `${service.summary[language] ?? ''} ${service.description[language] ?? ''}`;
        if (analysis === 'compounds') this.decompounder.vocabulary.learn(`${document[field(language, 'name')]} ${document[field(language, 'body')]}`, language);
      }
      documents.push(document);
    }
    this.index.addAll(documents);
    this.documents = documents.length;
  }

  /**
   * Services matching any of the words, best first, at most `limit`; each language's words are
   * searched in that language's fields, the `primary` language weighing most.
   */
  search(words: WordsByLanguage, primary: TextLanguage | null, limit = 300): Map<string, TextMatch> {
    const queries: Query[] = [];
    const originals = new Map<string, string>();
    const wholes = new Set<string>();
    for (const language of TEXT_LANGUAGES) {
      const list = words[language];
      if (!list?.length) continue;
      for (const word of list.flatMap(tokenize)) {
        const stem = analyse(word, language);
        if (stem && !originals.has(stem)) originals.set(stem, word.toLowerCase());
      }
      const weight = primary === null || primary === language ? 1 : OTHER_LANGUAGE_WEIGHT;
      queries.push({
        queries: list,
        combineWith: 'OR',
        fields: [field(language, 'name'), field(language, 'body')],
        processTerm: (term: string) => {
          if (this.analysis === 'stems') {
            const stem = analyse(term, language);
            if (stem) wholes.add(stem);
            return stem && !GENERIC.has(stem) ? stem : null;
          }
          // A compound's generic or common part ("neuvonta" of "velkaneuvonta", "hoito") adds little and costs much.
          const [whole, ...parts] = analyseTerms(term, language, this.decompounder, { gradation: true });
          if (whole) wholes.add(whole);
          const useful = parts.filter((part) => !genericStems()[language].has(part) && !this.decompounder.isCommon(part, language, this.documents));
          const terms = [whole, ...useful].filter((stem): stem is string => !!stem && !GENERIC.has(stem));
          return terms.length > 0 ? terms : null;
        },
        // Prefixes for the words as written only, not for their parts.
        prefix: (term: string) => term.length >= 5 && wholes.has(term),
        boost: { [field(language, 'name')]: NAME_BOOST * weight, [field(language, 'body')]: weight },
      } as Query);
    }
    const matches = new Map<string, TextMatch>();
    if (queries.length === 0) return matches;
    const results = this.index.search({ combineWith: 'OR', queries });
    const best = results[0]?.score ?? 0;
    if (best <= 0) return matches;
    for (const result of results.slice(0, limit)) {
      matches.set(String(result.id), { score: result.score / best, terms: [...new Set(result.queryTerms.map((term) => originals.get(term) ?? term))] });
    }
    return matches;
  }

  /** Raw BM25 scores for one text in one language, unlimited: the evaluation's BM25 baseline. */
  rank(words: WordsByLanguage): { id: string; score: number }[] {
    const queries: Query[] = [];
    for (const language of TEXT_LANGUAGES) {
      const list = words[language];
      if (!list?.length) continue;
      queries.push({
        queries: list,
        combineWith: 'OR',
        fields: [field(language, 'name'), field(language, 'body')],
        processTerm: (term: string) => analyse(term, language),
        boost: { [field(language, 'name')]: NAME_BOOST },
      } as Query);
    }
    if (queries.length === 0) return [];
    return this.index.search({ combineWith: 'OR', queries }).map((result) => ({ id: String(result.id), score: result.score }));
  }
}

/** The words of a text, split for searching. */
export function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}-]+/u)
    .map((word) => word.trim())
    .filter((word) => word.length > 1);
}
