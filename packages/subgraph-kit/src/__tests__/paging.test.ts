import { GraphQLError } from 'graphql';
import { connectionFromPage, decodeCursor, encodeCursor, localise, pageSize } from '../index';

const isOffset = (value: unknown): value is { o: number } => typeof value === 'object' && value !== null && typeof (value as { o: unknown }).o === 'number';

describe('paging', () => {
  it('accepts 0 to 100 and defaults to 20', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
  });

  it.each([-1, 101, 2.5])('refuses first = %p with BAD_USER_INPUT', (first) => {
    expect(() => pageSize(first)).toThrow(GraphQLError);
    try {
      pageSize(first);
    } catch (error) {
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      expect((error as GraphQLError).message).toContain('from 0 to 100');
    }
  });

  it('round-trips cursors and refuses foreign ones', () => {
    expect(decodeCursor(encodeCursor({ o: 5 }), isOffset)).toEqual({ o: 5 });
    const genuine = Buffer.from(encodeCursor({ o: 5 }), 'base64url');
    // A hand-made cursor in the old unsigned form, and a genuine one with its position edited, are refused.
    const edited = Buffer.concat([genuine.subarray(0, 12), Buffer.from('v2:{"o":500000}')]).toString('base64url');
    for (const bad of [
      '',
      'not a cursor!',
      Buffer.from('v1:{"o":5}').toString('base64url'),
      Buffer.from('v2:{"o":5}').toString('base64url'),
      edited,
      encodeCursor({ x: 1 }),
      Buffer.from('{"o":1}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, isOffset)).toThrow(/is not valid here/);
    }
  });

  it('builds a connection from a page fetched with one extra item', () => {
    const connection = connectionFromPage([1, 2, 3], 2, 10, (n) => `c${n}`);
    expect(connection).toEqual({
      totalCount: 10,
      pageInfo: { hasNextPage: true, endCursor: 'c2' },
      edges: [
        { cursor: 'c1', node: 1 },
        { cursor: 'c2', node: 2 },
      ],
    });
    expect(connectionFromPage([], 5, 0, String).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('localise', () => {
  it('falls back fi → sv → en', () => {
    expect(localise({ fi: 'Neuvola', sv: 'Rådgivning' }, 'SV')).toBe('Rådgivning');
    expect(localise({ fi: 'Neuvola' }, 'EN')).toBe('Neuvola');
    expect(localise({ sv: 'Rådgivning', en: 'Clinic' }, 'FI')).toBe('Rådgivning');
    expect(localise({ en: 'Clinic', fi: '' }, 'FI')).toBe('Clinic');
    expect(localise(undefined, 'FI')).toBeNull();
  });
});
