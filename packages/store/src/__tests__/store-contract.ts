import { randomUUID } from 'node:crypto';
import { StoreError, type DocumentStore, type StoredDocument } from '../index';

interface Item extends StoredDocument {
  name: string;
  tags: string[];
  rank: number;
  municipality?: string;
  visits?: number;
  created?: string;
}

const ITEMS: Item[] = [
  { _id: 'a', name: 'Adoptioneuvonta', tags: ['KE1', 'KE3'], rank: 3, municipality: '491' },
  { _id: 'b', name: 'Aikuissosiaalityö', tags: ['KE8'], rank: 1, municipality: '564' },
  { _id: 'c', name: 'Äitiysneuvola', tags: ['KE1'], rank: 2 },
  { _id: 'd', name: 'Verokortti', tags: [], rank: 5, municipality: '491' },
];

/**
 * The behaviour every store adapter must share. It runs against the embedded store always and
 * against MongoDB whenever MONGODB_URI is set, so code written against one runs on the other.
 */
export function describeStoreContract(label: string, open: () => Promise<DocumentStore>): void {
  describe(`store contract: ${label}`, () => {
    let store: DocumentStore;
    let collectionName: string;

    beforeEach(async () => {
      store = await open();
      collectionName = `contract_${randomUUID().slice(0, 8)}`;
      await store.collection<Item>(collectionName).insertMany(ITEMS);
    });

    afterEach(async () => {
      await store.close();
    });

    const items = () => store.collection<Item>(collectionName);

    it('finds by id, by operators and by array membership', async () => {
      expect(await items().findOne({ _id: 'b' })).toEqual(ITEMS[1]);
      expect(await items().findOne({ _id: 'missing' })).toBeNull();
      const byIds = await items().find({ _id: { $in: ['c', 'a', 'zz'] } }, { sort: { _id: 1 } });
      expect(byIds.map((item) => item._id)).toEqual(['a', 'c']);
      const tagged = await items().find({ tags: { $in: ['KE1'] }, rank: { $gte: 3 } });
      expect(tagged.map((item) => item._id)).toEqual(['a']);
      const noMunicipality = await items().find({ municipality: { $exists: false } });
      expect(noMunicipality.map((item) => item._id)).toEqual(['c']);
      const pattern = await items().find({ name: { $regex: '^ai', $options: 'i' } });
      expect(pattern.map((item) => item._id)).toEqual(['b']);
    });

    it('matches a dotted path through an array of documents, as MongoDB does', async () => {
      const places = store.collection<StoredDocument & { areas: { code?: string }[] }>(`${collectionName}_areas`);
      await places.insertMany([
        { _id: 'p1', areas: [{ code: '491' }, { code: '07' }] },
        { _id: 'p2', areas: [{ code: '564' }] },
        { _id: 'p3', areas: [{}] },
      ]);
      const ids = async (filter: Record<string, unknown>) => (await places.find(filter, { sort: { _id: 1 } })).map((place) => place._id);
      expect(await ids({ 'areas.code': '491' })).toEqual(['p1']);
      expect(await ids({ 'areas.code': { $in: ['07', '564'] } })).toEqual(['p1', 'p2']);
      expect(await places.countDocuments({ 'areas.code': { $ne: '491' } })).toBe(2);
    });

    it('sorts, skips, limits, projects and counts', async () => {
      const page = await items().find({}, { sort: { rank: -1 }, skip: 1, limit: 2 });
      expect(page.map((item) => item._id)).toEqual(['a', 'c']);
      const projected = await items().find({ _id: 'd' }, { projection: { name: 1 } });
      expect(projected).toEqual([{ _id: 'd', name: 'Verokortti' }]);
      expect(await items().countDocuments()).toBe(4);
      expect(await items().countDocuments({ municipality: '491' })).toBe(2);
    });

    it('returns copies: changing a result does not change the store', async () => {
      const found = await items().findOne({ _id: 'a' });
      found?.tags.push('changed');
      expect((await items().findOne({ _id: 'a' }))?.tags).toEqual(['KE1', 'KE3']);
    });

    it('refuses a second document with the same _id and keeps the first', async () => {
      await expect(items().insertOne({ _id: 'a', name: 'x', tags: [], rank: 0 })).rejects.toMatchObject({
        code: 'DUPLICATE_KEY',
      });
      expect((await items().findOne({ _id: 'a' }))?.name).toBe('Adoptioneuvonta');
    });

    it('updates with operators and reports what matched and changed', async () => {
      const result = await items().updateOne({ _id: 'a' }, { $set: { name: 'Adoptio' }, $inc: { rank: 2 } });
      expect(result).toEqual({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });
      expect(await items().findOne({ _id: 'a' })).toMatchObject({ name: 'Adoptio', rank: 5 });
      const unchanged = await items().updateOne({ _id: 'a' }, { $set: { name: 'Adoptio' } });
      expect(unchanged).toEqual({ matchedCount: 1, modifiedCount: 0, upsertedCount: 0 });
      const many = await items().updateMany({ municipality: '491' }, { $push: { tags: 'local' } });
      expect(many).toEqual({ matchedCount: 2, modifiedCount: 2, upsertedCount: 0 });
      expect((await items().findOne({ _id: 'd' }))?.tags).toEqual(['local']);
    });

    it('upserts: creates from the filter and $setOnInsert only when nothing matches', async () => {
      const created = await items().updateOne(
        { _id: 'e' },
        { $set: { name: 'Uusi' }, $setOnInsert: { created: '2026-01-01', rank: 9, tags: [] } },
        { upsert: true },
      );
      expect(created.upsertedCount).toBe(1);
      expect(await items().findOne({ _id: 'e' })).toEqual({ _id: 'e', name: 'Uusi', created: '2026-01-01', rank: 9, tags: [] });
      await items().updateOne({ _id: 'e' }, { $set: { name: 'Uudempi' }, $setOnInsert: { created: '2027-01-01' } }, { upsert: true });
      expect(await items().findOne({ _id: 'e' })).toMatchObject({ name: 'Uudempi', created: '2026-01-01' });
      const replaced = await items().replaceOne({ _id: 'f' }, { _id: 'f', name: 'Korvattu', tags: [], rank: 0 }, { upsert: true });
      expect(replaced.upsertedCount).toBe(1);
      await items().replaceOne({ _id: 'f' }, { _id: 'f', name: 'Korvattu 2', tags: ['x'], rank: 1 });
      expect(await items().findOne({ _id: 'f' })).toEqual({ _id: 'f', name: 'Korvattu 2', tags: ['x'], rank: 1 });
    });

    it('deletes one or many', async () => {
      expect(await items().deleteOne({ municipality: '491' })).toEqual({ deletedCount: 1 });
      expect(await items().deleteMany({ rank: { $lt: 3 } })).toEqual({ deletedCount: 2 });
      expect(await items().countDocuments()).toBe(1);
      expect(await items().deleteMany({ _id: 'nothing' })).toEqual({ deletedCount: 0 });
    });

    it('runs bulk writes in order and counts each kind', async () => {
      const result = await items().bulkWrite([
        { insertOne: { document: { _id: 'g', name: 'G', tags: [], rank: 7 } } },
        { updateOne: { filter: { _id: 'g' }, update: { $inc: { rank: 1 } } } },
        { replaceOne: { filter: { _id: 'h' }, replacement: { _id: 'h', name: 'H', tags: [], rank: 0 }, upsert: true } },
        { deleteOne: { filter: { _id: 'b' } } },
      ]);
      expect(result).toEqual({ insertedCount: 1, matchedCount: 1, modifiedCount: 1, upsertedCount: 1, deletedCount: 1 });
      expect((await items().findOne({ _id: 'g' }))?.rank).toBe(8);
      expect(await items().countDocuments()).toBe(5);
    });

    it('enforces unique indexes and writes nothing for a refused change', async () => {
      await items().createIndexes([{ key: { name: 1 }, name: 'name_unique', unique: true }]);
      await items().createIndexes([{ key: { name: 1 }, name: 'name_unique', unique: true }]);
      await expect(items().insertOne({ _id: 'x', name: 'Verokortti', tags: [], rank: 0 })).rejects.toBeInstanceOf(StoreError);
      await expect(items().updateOne({ _id: 'a' }, { $set: { name: 'Verokortti' } })).rejects.toMatchObject({ code: 'DUPLICATE_KEY' });
      expect(await items().findOne({ _id: 'x' })).toBeNull();
      expect((await items().findOne({ _id: 'a' }))?.name).toBe('Adoptioneuvonta');
      await items().updateOne({ _id: 'd' }, { $set: { name: 'Verokortti verkossa' } });
      await items().insertOne({ _id: 'x', name: 'Verokortti', tags: [], rank: 0 });
      expect(await items().countDocuments({ name: { $regex: '^Verokortti' } })).toBe(2);
    });
  });
}
