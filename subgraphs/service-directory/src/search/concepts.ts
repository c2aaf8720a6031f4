import type { LocalisedText } from '@aurora/subgraph-kit';
import { analyse, tokenize, TEXT_LANGUAGES, type TextLanguage } from './analysis';

export interface Concept {
  id: string;
  labels: LocalisedText;
}

function key(text: string, language: TextLanguage): string | null {
  const stems = tokenize(text)
    .map((word) => analyse(word, language))
    .filter((stem): stem is string => stem !== null);
  return stems.length > 0 ? `${language}:${stems.join(' ')}` : null;
}

/**
 * Concepts with labels in up to three languages: the JUPO ontology and the code lists. A phrase
 * of a query that names a concept in one language brings in the concept's labels in the others,
 * so "unemployment" also searches Finnish texts for "työttömyys".
 */
export class ConceptIndex {
  private readonly byId = new Map<string, Concept>();
  private readonly byLabel = new Map<string, string[]>();

  add(concept: Concept): void {
    const labels = TEXT_LANGUAGES.map((language) => [language, concept.labels[language]] as const).filter(([, label]) => label && label.trim() !== '');
    if (labels.length === 0) return;
    const existing = this.byId.get(concept.id);
    this.byId.set(concept.id, { id: concept.id, labels: { ...existing?.labels, ...concept.labels } });
    for (const [language, label] of labels) {
      const labelKey = key(label as string, language as TextLanguage);
      if (!labelKey) continue;
      const ids = this.byLabel.get(labelKey) ?? [];
      if (!ids.includes(concept.id)) this.byLabel.set(labelKey, [...ids, concept.id]);
    }
  }

  get(id: string): Concept | undefined {
    return this.byId.get(id);
  }

  /** The labels of the given concepts in one language. */
  labels(ids: readonly string[], language: TextLanguage): string[] {
    return ids.map((id) => this.byId.get(id)?.labels[language]).filter((label): label is string => !!label);
  }

  /** Concepts named by a phrase of one to three words of the text, in any language. */
  find(text: string): Concept[] {
    const words = tokenize(text);
    const found = new Map<string, Concept>();
    for (let size = 3; size >= 1; size -= 1) {
      for (let start = 0; start + size <= words.length; start += 1) {
        const phrase = words.slice(start, start + size).join(' ');
        for (const language of TEXT_LANGUAGES) {
          const phraseKey = key(phrase, language);
          for (const id of (phraseKey && this.byLabel.get(phraseKey)) || []) {
            const concept = this.byId.get(id);
            if (concept) found.set(id, concept);
          }
        }
      }
    }
    return [...found.values()];
  }

  get size(): number {
    return this.byId.size;
  }
}
