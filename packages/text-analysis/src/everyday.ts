import * as fs from 'node:fs';
import * as path from 'node:path';
import { strongGrades } from './compounds';
import { analyse, isStopword, TEXT_LANGUAGES, tokenize, type TextLanguage } from './stems';

interface Entry {
  words: string[];
  catalogue: string[];
}

const DATA = path.join(__dirname, '..', 'data', 'everyday-words.json');
const MAX_PHRASE = 3;

const keyOf = (text: string, language: TextLanguage): string | null => {
  const stems = tokenize(text)
    .map((word) => analyse(word, language))
    .filter((stem): stem is string => stem !== null);
  return stems.length > 0 ? stems.join(' ') : null;
};

/**
 * The inflected forms of a Finnish word the stemmer does not bring back to the word's own stem:
 * the -us/-ys nouns (ahdistus: ahdistusta, ahdistuksen) and the -nen words (yksinäinen:
 * yksinäistä, yksinäisen), in the partitive and the genitive. Only the last word of a phrase
 * is inflected, as people write it ("olen tosi yksinäinen", "tunnen ahdistusta").
 */
export function finnishForms(phrase: string): string[] {
  const match = /^(.*?)(\p{L}+)$/u.exec(phrase);
  if (!match) return [];
  const [, head, word] = match as unknown as [string, string, string];
  const back = /[aou]/.test(word);
  const a = back ? 'a' : 'ä';
  let forms: string[] = [];
  if (/[uy]s$/.test(word)) forms = [`${word}t${a}`, `${word.slice(0, -1)}ksen`, `${word.slice(0, -1)}kse${a}`];
  else if (/nen$/.test(word)) forms = [`${word.slice(0, -3)}st${a}`, `${word.slice(0, -3)}sen`, `${word.slice(0, -3)}si${a}`];
  return forms.map((form) => head + form);
}

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
          for (const form of language === 'fi' ? [word, ...finnishForms(word)] : [word]) {
            const key = keyOf(form, language);
            if (key) this.byKey.set(`${language}:${key}`, (this.byKey.get(`${language}:${key}`) ?? new Set()).add(index));
          }
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
    return [...new Set(this.read(text).matches.flatMap((match) => match.catalogue))];
  }

  /**
   * Each everyday phrase a text contains, in the order it stands in the text, with the catalogue's
   * words for it ("I lost my job and I have debts" is two needs, a job and debts), and the words
   * of the text no phrase took (stop words left out).
   */
  read(text: string): { matches: { phrase: string; catalogue: string[] }[]; rest: string[] } {
    const words = tokenize(text).slice(0, 64);
    const spent = new Set<number>();
    const found = new Map<number, { start: number; phrase: string }>();
    for (let size = MAX_PHRASE; size >= 1; size -= 1) {
      for (let start = 0; start + size <= words.length; start += 1) {
        const positions = Array.from({ length: size }, (_, offset) => start + offset);
        if (positions.some((position) => spent.has(position))) continue;
        // A phrase does not begin or end with a word such as "ja" or "and": "velkaongelmat ja" is "velkaongelmat".
        if (size > 1 && [words[start], words[start + size - 1]].some((word) => TEXT_LANGUAGES.some((language) => isStopword(word as string, language))))
          continue;
        const phrase = words.slice(start, start + size).join(' ');
        let matched = false;
        for (const language of TEXT_LANGUAGES) {
          // A single Finnish word is also tried with gradation undone: asumistuen is asumistuki.
          const keys = [keyOf(phrase, language), ...(size === 1 && language === 'fi' ? strongGrades(phrase).map((form) => keyOf(form, language)) : [])];
          for (const key of keys) {
            for (const index of (key && this.byKey.get(`${language}:${key}`)) || []) {
              if (!found.has(index)) found.set(index, { start, phrase });
              matched = true;
            }
          }
        }
        if (matched) for (const position of positions) spent.add(position);
      }
    }
    const matches = [...found.entries()]
      .sort((a, b) => a[1].start - b[1].start)
      .map(([index, at]) => ({ phrase: at.phrase, catalogue: (this.entries[index] as Entry).catalogue }));
    const rest = words.filter((word, position) => !spent.has(position) && word.length > 1 && !TEXT_LANGUAGES.some((language) => isStopword(word, language)));
    return { matches, rest };
  }
}
