import { analyse, tokenize, type TextLanguage } from '@aurora/text-analysis';
import train from '../data/utterances.train.json';

// wink-naive-bayes-text-classifier ships no type declarations; the parts used are typed here.
interface NaiveBayes {
  defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
  definePrepTasks(tasks: ((input: string) => string[])[]): number;
  learn(input: string, label: string): boolean;
  consolidate(): boolean;
  computeOdds(input: string): [string, number][];
}
const createNaiveBayes = require('wink-naive-bayes-text-classifier') as () => NaiveBayes;

export type Utterances = Record<TextLanguage, Record<string, string[]>>;

/** What a message is about. */
export interface Intent {
  /** greeting, help, more, visit, handover, crisis, KE1 … KE14, or a 3X10D meter such as FINANCE. */
  name: string;
  /** The classifier's probability for it, 0–1. */
  confidence: number;
}

/** Below this probability the message is not understood. */
export const MIN_CONFIDENCE = 0.35;
const PREFIX = 5;

/**
 * The features of a message: the language's Snowball stems (stop words dropped), plus the
 * first letters of each longer stem so that Finnish and Swedish compounds ("velkaneuvonta",
 * "bostadsbidrag") share features with their parts.
 */
export function features(text: string, language: TextLanguage): string[] {
  const result: string[] = [];
  for (const word of tokenize(text.toLowerCase())) {
    const stem = analyse(word, language);
    if (!stem) continue;
    result.push(stem);
    if (stem.length > PREFIX + 1) result.push(`${stem.slice(0, PREFIX)}…`);
  }
  // A message of stop words only ("en halua elää" loses little, "hi" nothing) keeps its words.
  return result.length > 0 ? result : tokenize(text.toLowerCase());
}

/**
 * Intent classification: one multinomial naive Bayes classifier per language
 * (wink-naive-bayes-text-classifier), trained from the labelled utterances in data/.
 */
export class IntentClassifier {
  private readonly models = new Map<TextLanguage, NaiveBayes>();
  private readonly vocabulary = new Map<TextLanguage, Set<string>>();

  constructor(utterances: Utterances = (train as { languages: Utterances }).languages) {
    for (const [language, intents] of Object.entries(utterances) as [TextLanguage, Record<string, string[]>][]) {
      const model = createNaiveBayes();
      model.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
      model.definePrepTasks([(input: string) => features(input, language)]);
      const vocabulary = new Set<string>();
      for (const [intent, examples] of Object.entries(intents)) {
        for (const example of examples) {
          model.learn(example, intent);
          for (const feature of features(example, language)) vocabulary.add(feature);
        }
      }
      this.vocabulary.set(language, vocabulary);
      model.consolidate();
      this.models.set(language, model);
    }
  }

  /** The most likely intent, or null when none is likely enough. */
  classify(text: string, language: TextLanguage): Intent | null {
    const ranked = this.rank(text, language);
    const best = ranked[0];
    return best && best.confidence >= MIN_CONFIDENCE ? best : null;
  }

  /** How many of the message's words the language's training utterances know: a hint of the message's language. */
  known(text: string, language: TextLanguage): number {
    const vocabulary = this.vocabulary.get(language);
    return vocabulary ? features(text, language).filter((feature) => vocabulary.has(feature)).length : 0;
  }

  /** Every intent with its probability, most likely first. */
  rank(text: string, language: TextLanguage): Intent[] {
    const model = this.models.get(language);
    if (!model || features(text, language).length === 0) return [];
    // The library answers the label "unknown" when no word of the message was seen in training.
    const odds = model.computeOdds(text).filter(([name]) => name !== 'unknown');
    if (odds.length === 0) return [];
    // computeOdds answers log2 odds per label; normalise them into probabilities.
    const max = Math.max(...odds.map(([, value]) => value));
    const weights = odds.map(([name, value]) => [name, 2 ** (value - max)] as const);
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    return weights.map(([name, weight]) => ({ name, confidence: weight / total })).sort((a, b) => b.confidence - a.confidence);
  }
}
