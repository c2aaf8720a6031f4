import type { Language } from '@aurora/subgraph-kit';
import { isStopword, tokenize, type TextLanguage } from '@aurora/text-analysis';
import type { IntentClassifier } from './intents';

/** The language of a first message: the one with most stop words, then most known intent words; Finnish by default. */
export function guessLanguage(text: string, classifier: IntentClassifier): Language {
  if (/[åÅ]/.test(text)) return 'SV';
  const words = tokenize(text.toLowerCase());
  let best: Language = 'FI';
  let bestScore = 0;
  for (const language of ['FI', 'SV', 'EN'] as const) {
    const code = language.toLowerCase() as TextLanguage;
    const stopwords = words.filter((word) => isStopword(word, code)).length;
    const score = stopwords + classifier.known(text, code) + (code === 'fi' && /[äö]|aa|uu|ii|yy/.test(text.toLowerCase()) ? 0.5 : 0);
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}
