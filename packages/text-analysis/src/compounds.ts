import { analyse, isStopword, tokenize, type TextLanguage } from './stems';

/** A part of a compound must be at least this long, and a word this long to be split at all. */
const MIN_PART = 3;
const MIN_WORD = 7;
/** How often a stem must stand as a word of its own in the corpus to count as a known word. */
const MIN_COUNT = 3;
const MAX_PARTS = 3;
/** A part known only as the beginning of other words must be at least this long, and begin this many. */
const MIN_PREFIX = 4;
const MIN_STARTING = 2;
const EXTRA_PART_PENALTY = 0.4;
const COMMON_PART_SHARE = 0.05;
const COMMON_PART_MIN = 50;
const MAX_PREFIX_WEIGHT = 50;

/**
 * Consonant gradation, weak grade → strong grade, as Finnish inflection weakens the last
 * syllable's consonants (tuki → tuen, apu → avun, pappi → papin, kenkä → kengän). Tried on a
 * query word the corpus does not know, to find the base form it does.
 */
const GRADATION: [weak: string, strong: string][] = [
  ['ng', 'nk'],
  ['mm', 'mp'],
  ['ll', 'lt'],
  ['nn', 'nt'],
  ['rr', 'rt'],
  ['k', 'kk'],
  ['p', 'pp'],
  ['t', 'tt'],
  ['v', 'p'],
  ['d', 't'],
  ['j', 'k'],
];

/**
 * What words the texts of the catalogue use, counted by stem: the known words that compounds are
 * split into. Built from the corpus itself (names, summaries, descriptions), so it knows the
 * words services are written in, in each language, with no dictionary to install.
 */
export class Vocabulary {
  private readonly counts: Record<TextLanguage, Map<string, number>> = { fi: new Map(), sv: new Map(), en: new Map() };
  private readonly words: Record<TextLanguage, Set<string>> = { fi: new Set(), sv: new Set(), en: new Set() };
  private sorted: Partial<Record<TextLanguage, string[]>> = {};

  learn(text: string, language: TextLanguage): void {
    const counts = this.counts[language];
    for (const word of tokenize(text)) {
      const stem = analyse(word, language);
      if (!stem) continue;
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
      const lower = word.toLowerCase();
      if (!this.words[language].has(lower)) {
        this.words[language].add(lower);
        delete this.sorted[language];
      }
    }
  }

  count(stem: string, language: TextLanguage): number {
    return this.counts[language].get(stem) ?? 0;
  }

  /**
   * How many different longer words of the corpus begin with this one: a compound's first part
   * seldom stands alone (velka is written velkaneuvonta, velkajärjestely, velkojen…), but it
   * begins many words.
   */
  wordsStartingWith(prefix: string, language: TextLanguage): number {
    const sorted = (this.sorted[language] ??= [...this.words[language]].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sorted[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    let count = 0;
    for (let at = low; at < sorted.length && (sorted[at] as string).startsWith(prefix) && count < 1000; at += 1) {
      if ((sorted[at] as string).length >= prefix.length + MIN_PART) count += 1;
    }
    return count;
  }

  knows(stem: string | null, language: TextLanguage): stem is string {
    return stem !== null && this.count(stem, language) >= MIN_COUNT;
  }

  get size(): number {
    return this.counts.fi.size + this.counts.sv.size + this.counts.en.size;
  }
}

/**
 * Splits Finnish and Swedish compounds into the known words they are made of, choosing among the
 * possible splits the one whose parts are most frequent (the frequency-based method of Koehn and
 * Knight, 2003): velkaongelma → velka + ongelma, rahahuolet → raha + huolet,
 * skuldrådgivning → skuld + rådgivning, arbetsmarknad → arbet(s) + marknad. English is not split.
 */
export class Decompounder {
  private readonly cache: Record<TextLanguage, Map<string, string[]>> = { fi: new Map(), sv: new Map(), en: new Map() };

  constructor(readonly vocabulary: Vocabulary) {}

  /**
   * Whether a part is so common in a corpus of `documents` texts (more than one use in ten, and at
   * least 50) that searching it on its own tells little and costs much ("hoito" of "päivähoito").
   */
  isCommon(part: string, language: TextLanguage, documents: number): boolean {
    return this.vocabulary.count(part, language) > Math.max(COMMON_PART_MIN, documents * COMMON_PART_SHARE);
  }

  /** The stems of the parts of a compound, or [] when the word is not one the corpus explains. */
  split(word: string, language: TextLanguage): string[] {
    if (language === 'en') return [];
    const lower = word.toLowerCase();
    if (lower.length < MIN_WORD) return [];
    const cache = this.cache[language];
    const cached = cache.get(lower);
    if (cached) return cached;
    const best = this.best(lower, language, MAX_PARTS);
    const parts = best && best.parts.length > 1 ? best.parts : [];
    if (cache.size < 200_000) cache.set(lower, parts);
    return parts;
  }

  /**
   * The best split of `word` into at most `budget` known parts, scored by the geometric mean of
   * how well the corpus knows each part.
   */
  private best(word: string, language: TextLanguage, budget: number): { parts: string[]; weights: number[]; score: number } | null {
    const last = this.part(word, language, false);
    let best = last ? { parts: [last.stem], weights: [last.weight], score: last.weight } : null;
    if (budget < 2) return best;
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut += 1) {
      const left = this.part(word.slice(0, cut), language, true);
      if (!left) continue;
      const rest = this.best(word.slice(cut), language, budget - 1);
      if (!rest) continue;
      const weights = [left.weight, ...rest.weights];
      // Geometric mean of the parts' weights; each part beyond two must earn its place.
      const score =
        Math.exp(weights.reduce((sum, weight) => sum + Math.log(weight), 0) / weights.length) * EXTRA_PART_PENALTY ** Math.max(0, weights.length - 2);
      // A whole word the corpus knows is split only when its parts are known better (Koehn and Knight).
      if (!best || score > best.score) best = { parts: [left.stem, ...rest.parts], weights, score };
    }
    return best;
  }

  /**
   * A part the corpus knows, with how well: as a word of its own (its stem's count), or, for a
   * first part, as the beginning of other words (in Swedish also without its linking s).
   */
  private part(text: string, language: TextLanguage, first: boolean): { stem: string; weight: number } | null {
    const stem = analyse(text, language);
    if (stem === null || isStopword(text, language)) return null;
    if (this.vocabulary.knows(stem, language)) return { stem, weight: this.vocabulary.count(stem, language) };
    // Known only as the beginning of other words: weakly (the first part as written, a last part by its stem).
    if (text.length >= MIN_PREFIX) {
      const starting = this.vocabulary.wordsStartingWith(first ? text : stem, language);
      if (starting >= MIN_STARTING) return { stem, weight: Math.min(starting, MAX_PREFIX_WEIGHT) };
    }
    if (first && language === 'sv' && text.endsWith('s') && text.length > MIN_PART) return this.part(text.slice(0, -1), language, false);
    return null;
  }

  /**
   * Base forms the corpus knows for a Finnish word it does not: the word with consonant
   * gradation undone (tuen → tuke-, avun → apu-, lapsen → lapsi). Empty when the word is known.
   */
  gradations(word: string, language: TextLanguage): string[] {
    if (language !== 'fi') return [];
    const lower = word.toLowerCase();
    if (this.vocabulary.knows(analyse(lower, language), language)) return [];
    const found = new Set<string>();
    for (const candidate of strongGrades(lower)) {
      const stem = analyse(candidate, language);
      if (this.vocabulary.knows(stem, language)) found.add(stem);
    }
    return [...found];
  }
}

/**
 * A Finnish word with consonant gradation undone in its last syllables, each way it could have
 * been weakened (tuen → tuken, avun → apun, kengän → kenkän), and -si nouns (lapsen → lapsi).
 * Candidates only: most are not words; callers keep those the corpus or a word list knows.
 */
export function strongGrades(word: string): string[] {
  const lower = word.toLowerCase();
  const found = new Set<string>();
  const tail = Math.max(0, lower.length - 5);
  for (const [weak, strong] of GRADATION) {
    for (let at = lower.indexOf(weak, tail); at >= 0; at = lower.indexOf(weak, at + 1)) found.add(lower.slice(0, at) + strong + lower.slice(at + weak.length));
  }
  // The weak grade of a single k is no consonant at all.
  for (let at = Math.max(1, tail); at < lower.length - 1; at += 1) found.add(`${lower.slice(0, at)}k${lower.slice(at)}`);
  if (/sen$/.test(lower)) found.add(`${lower.slice(0, -3)}si`);
  return [...found];
}

/**
 * A word as the index and the queries read it: its stem, then the stems of its parts when it is
 * a compound, then (for a word the corpus does not know) base forms with gradation undone.
 * Without a decompounder this is the stem alone, as before compounds were read.
 */
export function analyseTerms(word: string, language: TextLanguage, decompounder?: Decompounder, options: { gradation?: boolean } = {}): string[] {
  const stem = analyse(word, language);
  if (stem === null) return [];
  if (!decompounder) return [stem];
  const terms = new Set([stem, ...decompounder.split(word, language)]);
  if (options.gradation) for (const base of decompounder.gradations(word, language)) terms.add(base);
  return [...terms];
}
