import * as fs from 'node:fs';
import * as path from 'node:path';
import { strongGrades } from './compounds';
import { analyse, TEXT_LANGUAGES, tokenize, type TextLanguage } from './stems';

interface Entry {
  words: string[];
  catalogue: string[];
}

const DATA = path.join(__dirname, '..', 'data', 'everyday-words.json');
const MAX_PHRASE = 3;

const keyOf = (text: string, language: TextLanguage): string | null => {
  const stems = tokenize(text).map((word) => analyse(word, language)).filter((stem): stem is string => stem !== null);
  return stems.length > 0 ? stems.join(' ') : null;
};

/**
 * Everyday words for needs (money worries, loneliness, a dentist, burnout…) and the words the
 * catalogue uses for the services that meet them, from `data/everyday-words.json` (curated; the
 * file says how). A phrase of one to three words of a text, stemmed, in any of the three
 * languages, names an entry; the entry's catalogue words are what a search adds.
 */
export class EverydayWords {
  private readonly byKey = new Map<string, Set<number>>();

  constructor(private readonly entries: Entry[]) {
    entries.forEach((entry, index) => {
      for (const word of entry.words) {
        for (const language of TEXT_LANGUAGES) {
          const key = keyOf(word, language);
          if (key) this.byKey.set(`${language}:${key}`, (this.byKey.get(`${language}:${key}`) ?? new Set()).add(index));
        }
      }
    });
  }

  static load(file = DATA): EverydayWords {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: Entry[] };
    if (!Array.isArray(parsed.entries)) throw new Error(`${file}: no "entries" list.`);
    return new EverydayWords(parsed.entries);
  }

  /**
   * The catalogue words for the everyday phrases a text contains, each once. Longer phrases are
   * read first and their words are then spent: "housing allowance" is not also "housing".
   */
  find(text: string): string[] {
    const words = tokenize(text).slice(0, 64);
    const spent = new Set<number>();
    const found = new Set<number>();
    for (let size = MAX_PHRASE; size >= 1; size -= 1) {
      for (let start = 0; start + size <= words.length; start += 1) {
        const positions = Array.from({ length: size }, (_, offset) => start + offset);
        if (positions.some((position) => spent.has(position))) continue;
        const phrase = words.slice(start, start + size).join(' ');
        let matched = false;
        for (const language of TEXT_LANGUAGES) {
          // A single Finnish word is also tried with gradation undone: asumistuen is asumistuki.
          const keys = [keyOf(phrase, language), ...(size === 1 && language === 'fi' ? strongGrades(phrase).map((form) => keyOf(form, language)) : [])];
          for (const key of keys) {
            for (const index of (key && this.byKey.get(`${language}:${key}`)) || []) {
              found.add(index);
              matched = true;
            }
          }
        }
        if (matched) for (const position of positions) spent.add(position);
      }
    }
    return [...new Set([...found].sort((a, b) => a - b).flatMap((index) => (this.entries[index] as Entry).catalogue))];
  }
}
