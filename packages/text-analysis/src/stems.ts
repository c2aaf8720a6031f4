import MiniSearch from 'minisearch';

// These two packages ship no type declarations; the parts used are typed where they are loaded,
// so that every workspace compiling this file (schema/ too) sees the same types.
const { newStemmer } = require('snowball-stemmers') as { newStemmer(language: string): { stem(word: string): string } };
const { eng, fin, swe } = require('stopword') as { eng: string[]; fin: string[]; swe: string[] };

export type TextLanguage = 'fi' | 'sv' | 'en';
export const TEXT_LANGUAGES: readonly TextLanguage[] = ['fi', 'sv', 'en'];

const STEMMERS: Record<TextLanguage, { stem(word: string): string }> = {
  fi: newStemmer('finnish'),
  sv: newStemmer('swedish'),
  en: newStemmer('english'),
};

// The `stopword` package's lists: stopwords-iso's English list also drops words that matter in a
// service search ("help", "home", "work", "young", "free", "information").
const STOPWORDS: Record<TextLanguage, Set<string>> = { fi: new Set(fin), sv: new Set(swe), en: new Set(eng) };

const defaultTokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Splits text into words the way the index does. */
export function tokenize(text: string): string[] {
  return defaultTokenize(text).filter((token) => token.length > 0);
}

/** A word as the index keeps it for that language: lower-cased and stemmed, or null for a stop word. */
// Stemming is the costly part of indexing and the same words recur: each is stemmed once.
const STEMS: Record<TextLanguage, Map<string, string | null>> = { fi: new Map(), sv: new Map(), en: new Map() };
const STEM_CACHE_LIMIT = 500_000;

export function analyse(word: string, language: TextLanguage): string | null {
  const cache = STEMS[language];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const lower = word.toLowerCase();
  const stem = lower.length < 2 || STOPWORDS[language].has(lower) ? null : STEMMERS[language].stem(lower);
  if (cache.size < STEM_CACHE_LIMIT) cache.set(word, stem);
  return stem;
}

export function isStopword(word: string, language: TextLanguage): boolean {
  return STOPWORDS[language].has(word.toLowerCase());
}
