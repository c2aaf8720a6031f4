import { analyse, tokenize } from '@aurora/text-analysis';
import MiniSearch from 'minisearch';
import { DIMENSIONS, type Dimension, type IndexedService } from './model';

/** A service's relevance to each 3X10D meter, 0–1, and whether a person set it or it was inferred. */
export interface LabelScores {
  source: 'HAND' | 'INFERRED' | 'NONE';
  scores: Float32Array;
}

export interface LabelInferenceOptions {
  /** Neighbours that vote. */
  k?: number;
  /** The share of the neighbours' weight a meter needs to be inferred. */
  threshold?: number;
}

const QUERY_WORDS = 40;
const MAX_INFERRED = 0.95;

/**
 * Infers 3X10D labels for services that have none: a k-nearest-neighbour text classifier over
 * the services that carry hand-set labels, with MiniSearch's BM25 as the similarity. Each
 * meter's score is the similarity-weighted share of the neighbours labelled with it; meters
 * below the threshold are dropped. Only the given services' hand-set labels are used, so an
 * evaluation can hide a test fold's labels from it.
 */
export function inferLabels(services: IndexedService[], options: LabelInferenceOptions = {}): Map<string, LabelScores> {
  const k = options.k ?? 12;
  const threshold = options.threshold ?? 0.3;
  const labelled = services.filter((service) => service.labels.length > 0);
  const labelsById = new Map(labelled.map((service) => [service._id, service.labels]));
  const index = new MiniSearch<{ id: string; text: string }>({ idField: 'id', fields: ['text'], processTerm: (term) => analyse(term, 'fi') });
  index.addAll(labelled.map((service) => ({ id: service._id, text: textOf(service) })));

  const result = new Map<string, LabelScores>();
  for (const service of services) {
    if (service.labels.length > 0) {
      const scores = new Float32Array(DIMENSIONS.length);
      for (const label of service.labels) scores[DIMENSIONS.indexOf(label)] = 1;
      result.set(service._id, { source: 'HAND', scores });
      continue;
    }
    const query = tokenize(textOf(service)).slice(0, QUERY_WORDS).join(' ');
    const neighbours = query ? index.search(query, { combineWith: 'OR', boost: {} }).slice(0, k) : [];
    const total = neighbours.reduce((sum, neighbour) => sum + neighbour.score, 0);
    const scores = new Float32Array(DIMENSIONS.length);
    let any = false;
    if (total > 0) {
      for (const neighbour of neighbours) {
        for (const label of labelsById.get(String(neighbour.id)) ?? [])
          scores[DIMENSIONS.indexOf(label)] = (scores[DIMENSIONS.indexOf(label)] as number) + neighbour.score / total;
      }
      for (let d = 0; d < scores.length; d += 1) {
        if ((scores[d] as number) < threshold) scores[d] = 0;
        else {
          scores[d] = Math.min(scores[d] as number, MAX_INFERRED); // an inferred label is never certain
          any = true;
        }
      }
    }
    result.set(service._id, { source: any ? 'INFERRED' : 'NONE', scores });
  }
  return result;
}

/** Finnish first: the hand-set labels were made on Finnish texts; other languages where Finnish is missing. */
function textOf(service: IndexedService): string {
  const name = service.name.fi ?? service.name.sv ?? service.name.en ?? '';
  const summary = service.summary.fi ?? service.summary.sv ?? service.summary.en ?? '';
  return `${name} ${name} ${summary}`;
}

export const labelsOf = (scores: LabelScores, threshold = 0): Dimension[] => DIMENSIONS.filter((_, index) => (scores.scores[index] as number) > threshold);
