/** Ranking metrics for the recommendation evaluation. Relevance is graded: 0 is not relevant. */

export function dcg(gains: number[]): number {
  return gains.reduce((sum, gain, index) => sum + (2 ** gain - 1) / Math.log2(index + 2), 0);
}

/** NDCG@k of a ranking against graded relevance; 0 when nothing is relevant. */
export function ndcgAt(k: number, ranking: string[], relevance: Map<string, number>): number {
  const ideal = dcg(
    [...relevance.values()]
      .filter((gain) => gain > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 0;
  return dcg(ranking.slice(0, k).map((id) => relevance.get(id) ?? 0)) / ideal;
}

/** The share of the relevant items found in the first k. */
export function recallAt(k: number, ranking: string[], relevance: Map<string, number>): number {
  const relevant = [...relevance.values()].filter((gain) => gain > 0).length;
  if (relevant === 0) return 0;
  return ranking.slice(0, k).filter((id) => (relevance.get(id) ?? 0) > 0).length / relevant;
}

/** 1 / the rank of the first relevant item; 0 when none is ranked. */
export function reciprocalRank(ranking: string[], relevance: Map<string, number>): number {
  const index = ranking.findIndex((id) => (relevance.get(id) ?? 0) > 0);
  return index < 0 ? 0 : 1 / (index + 1);
}

/** A small seeded generator (mulberry32), so that every run of the evaluation is the same. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** The mean with a percentile-bootstrap 95% interval over the queries. */
export function bootstrap(values: number[], random: () => number, rounds = 1000): { mean: number; low: number; high: number } {
  const means: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    let sum = 0;
    for (let i = 0; i < values.length; i += 1) sum += values[Math.floor(random() * values.length)] as number;
    means.push(sum / Math.max(1, values.length));
  }
  means.sort((a, b) => a - b);
  return { mean: mean(values), low: means[Math.floor(rounds * 0.025)] ?? 0, high: means[Math.floor(rounds * 0.975)] ?? 0 };
}
