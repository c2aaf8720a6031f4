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
export function analyse(word: string, language: TextLanguage): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 2 || STOPWORDS[language].has(lower)) return null;
  return STEMMERS[language].stem(lower);
}

export function isStopword(word: string, language: TextLanguage): boolean {
  return STOPWORDS[language].has(word.toLowerCase());
}
