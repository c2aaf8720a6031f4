import { LINKS, METERS, SOURCES } from '../model';

describe('the meters and the causal model', () => {
  it("has the ten meters with AuroraAI's Finnish explanations and translations", () => {
    expect(METERS.map((meter) => meter.dimension).sort()).toEqual(
      [
        'FAMILY',
        'FINANCE',
        'FRIENDS',
        'HEALTH',
        'HOUSING',
        'IMPROVEMENT_OF_STRENGTHS',
        'LIFE_SATISFACTION',
        'RESILIENCE',
        'SELF_ESTEEM',
        'WORKING_STUDYING',
      ].sort(),
    );
    for (const meter of METERS) for (const language of ['fi', 'sv', 'en'] as const) expect(meter.explanation[language]).toEqual(expect.any(String));
    expect(METERS.find((meter) => meter.dimension === 'FINANCE')?.explanation.fi).toBe('Taloudellinen tilanne kertoo kuinka selviät menoistasi.');
  });

  it('gives every link a direction, a strength and a source that exists', () => {
    expect(LINKS.length).toBeGreaterThan(8);
    for (const link of LINKS) {
      expect(['INCREASES', 'DECREASES']).toContain(link.direction);
      expect(['WEAK', 'MODERATE', 'STRONG']).toContain(link.strength);
      expect(SOURCES[link.source]?.source).toEqual(expect.any(String));
      expect(SOURCES[link.source]?.url).toMatch(/^https:\/\//);
    }
    // The choices the page talks about are all there.
    for (const choice of ['sleep', 'exercise', 'debt', 'studies', 'loneliness']) expect(LINKS.some((link) => link.from === choice)).toBe(true);
  });
});
