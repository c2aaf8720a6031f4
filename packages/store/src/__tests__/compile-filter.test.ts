import { Query } from 'mingo';
import { compileFilter } from '../index';

const DOCUMENTS = [
  { _id: 'a', tags: ['KE1', 'KE3'], rank: 3, coverage: 'LOCAL', municipalities: ['491'], status: 'ACTIVE', provider: null, nested: { code: 'x' } },
  { _id: 'b', tags: [], rank: 1, coverage: 'NATIONWIDE', municipalities: [], status: 'ARCHIVED', provider: 'org-1' },
  { _id: 'c', tags: ['KE8'], rank: 2.5, coverage: 'LOCAL', municipalities: ['564', '491'], nested: { code: 'y' }, list: [null] },
  { _id: 'd', rank: '7', coverage: 'NATIONWIDE', status: 'ACTIVE', provider: 'org-2', municipalities: ['853'] },
  {
    _id: 'e',
    areas: [
      { code: '491', kind: 'MUNICIPALITY' },
      { code: '07', kind: 'REGION' },
    ],
    nested: [{ code: 'y' }, {}],
    tags: ['KE9'],
  },
  { _id: 'f', areas: [{ kind: 'NATIONWIDE' }], nested: { code: ['x', 'z'] } },
];

const FILTERS: Record<string, unknown>[] = [
  {},
  { _id: 'a' },
  { tags: 'KE1' },
  { tags: { $in: ['KE8', 'KE3'] } },
  { tags: { $nin: ['KE8'] } },
  { status: { $ne: 'ARCHIVED' } },
  { provider: null },
  { provider: { $ne: null } },
  { provider: { $in: [null, 'org-2'] } },
  { rank: { $gt: 2 } },
  { rank: { $gte: 1, $lt: 3 } },
  { rank: { $lte: '7' } },
  { nested: { $exists: false } },
  { 'nested.code': 'y' },
  { list: null },
  { $or: [{ coverage: 'NATIONWIDE' }, { municipalities: { $in: ['491'] } }] },
  { $and: [{ status: { $ne: 'ARCHIVED' } }, { $or: [{ coverage: 'NATIONWIDE' }, { municipalities: { $in: ['564'] } }] }, { tags: { $in: ['KE8'] } }] },
  // Dotted paths through arrays of documents, and positions: MongoDB matches through the elements.
  { 'areas.code': '491' },
  { 'areas.code': { $in: ['07', '564'] } },
  { 'areas.code': null },
  { 'areas.code': { $exists: false } },
  { 'areas.code': { $ne: '491' } },
  { 'areas.kind': 'NATIONWIDE', 'nested.code': 'x' },
  { 'nested.code': null },
  { 'nested.code': 'z' },
  { 'tags.0': 'KE1' },
  { $or: [{ 'areas.code': '491' }, { coverage: 'NATIONWIDE' }] },
  { tags: { $size: 2 } }, // not compiled: handed to mingo
  { name: { $regex: '^A' } },
];

describe('compileFilter', () => {
  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter]))('matches exactly what mingo matches: %s', (_label, filter) => {
    const compiled = compileFilter(filter as Record<string, unknown>);
    const reference = new Query(filter as Record<string, unknown>);
    expect(DOCUMENTS.filter((document) => compiled(document)).map((document) => document._id)).toEqual(
      DOCUMENTS.filter((document) => reference.test(document)).map((document) => document._id),
    );
  });
});
