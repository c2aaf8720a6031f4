import type { Collection, StoredDocument } from './types';

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes documents by id: new ones are created, changed ones replaced, identical ones left alone,
 * so seeding or importing the same documents twice changes nothing the second time. One read and
 * at most one bulk write per call.
 */
export async function upsertChanged<T extends StoredDocument>(collection: Collection<T>, documents: T[]): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  const stored = await collection.find({ _id: { $in: documents.map((document) => document._id) } });
  const before = new Map(stored.map((document) => [document._id, JSON.stringify(document)]));
  const changed = documents.filter((document) => {
    const previous = before.get(document._id);
    const differs = previous !== JSON.stringify(document);
    if (previous === undefined) counts.created += 1;
    else if (differs) counts.updated += 1;
    else counts.unchanged += 1;
    return differs;
  });
  if (changed.length > 0) {
    await collection.bulkWrite(changed.map((document) => ({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } })));
  }
  return counts;
}
