import { bootstrap, ndcgAt, recallAt, reciprocalRank, seeded, shuffle } from '../eval/metrics';

describe('evaluation metrics', () => {
  const relevance = new Map([
    ['a', 2],
    ['b', 1],
  ]);

  it('NDCG@k is 1 for the ideal order, lower when the relevant items come later, 0 without them', () => {
    expect(ndcgAt(10, ['a', 'b', 'c'], relevance)).toBeCloseTo(1, 10);
    const swapped = ndcgAt(10, ['b', 'a', 'c'], relevance);
    expect(swapped).toBeLessThan(1);
    // DCG by hand: (2^1-1)/log2(2) + (2^2-1)/log2(3) against the ideal 3/1 + 1/log2(3).
    expect(swapped).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)), 10);
    expect(ndcgAt(10, ['c', 'd'], relevance)).toBe(0);
    expect(ndcgAt(1, ['c', 'a'], relevance)).toBe(0);
  });

  it('Recall@k and MRR count the relevant items found and the first one', () => {
    expect(recallAt(2, ['a', 'c', 'b'], relevance)).toBe(0.5);
    expect(reciprocalRank(['c', 'd', 'b'], relevance)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank(['c'], relevance)).toBe(0);
  });

  it('bootstraps an interval around the mean, the same for the same seed', () => {
    const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    const first = bootstrap(values, seeded(7));
    expect(first.mean).toBeCloseTo(0.5, 10);
    expect(first.low).toBeLessThan(0.5);
    expect(first.high).toBeGreaterThan(0.5);
    expect(bootstrap(values, seeded(7))).toEqual(first);
    expect(shuffle([1, 2, 3, 4, 5], seeded(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
