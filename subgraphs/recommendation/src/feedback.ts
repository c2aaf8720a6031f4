import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '@aurora/store';
import type { History } from './engine';

export type FeedbackKind = 'USED' | 'HELPFUL' | 'NOT_RELEVANT';

export interface FeedbackRecord {
  _id: string;
  /** This subgraph's own pseudonym for the person, from the router. */
  pseudonym: string;
  serviceId: string;
  kind: FeedbackKind;
  recordedAt: string;
  [field: string]: unknown;
}

/**
 * Feedback under this subgraph's pseudonym for the person. Everyone's counts per service are
 * kept in memory, derived from the records themselves, so that deleting a person's records also
 * takes them out of the counts.
 */
export class FeedbackStore {
  private readonly records;
  private readonly counts = new Map<string, { positive: number; negative: number }>();
  private loaded: Promise<void> | null = null;

  constructor(store: DocumentStore) {
    this.records = store.collection<FeedbackRecord>('feedback');
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      await this.records.createIndexes([{ key: { pseudonym: 1 }, name: 'by_person' }]);
      for (const record of await this.records.find({})) this.count(record, 1);
    })();
    return this.loaded;
  }

  private count(record: Pick<FeedbackRecord, 'serviceId' | 'kind'>, delta: 1 | -1): void {
    const counts = this.counts.get(record.serviceId) ?? { positive: 0, negative: 0 };
    if (record.kind === 'NOT_RELEVANT') counts.negative += delta;
    else counts.positive += delta;
    this.counts.set(record.serviceId, counts);
  }

  async record(pseudonym: string, serviceId: string, kind: FeedbackKind): Promise<FeedbackRecord> {
    await this.load();
    const record: FeedbackRecord = { _id: randomUUID(), pseudonym, serviceId, kind, recordedAt: new Date().toISOString() };
    await this.records.insertOne(record);
    this.count(record, 1);
    return record;
  }

  async ofPerson(pseudonym: string): Promise<FeedbackRecord[]> {
    await this.load();
    return this.records.find({ pseudonym }, { sort: { recordedAt: 1 } });
  }

  async deletePerson(pseudonym: string): Promise<number> {
    const records = await this.ofPerson(pseudonym);
    const { deletedCount } = await this.records.deleteMany({ pseudonym });
    for (const record of records) this.count(record, -1);
    return deletedCount;
  }

  /** The person's history (empty without a pseudonym) with everyone's counts as the prior. */
  async history(pseudonym: string | null): Promise<History> {
    await this.load();
    const personal = new Map<string, Set<FeedbackKind>>();
    if (pseudonym) {
      for (const record of await this.ofPerson(pseudonym)) {
        const kinds = personal.get(record.serviceId) ?? new Set<FeedbackKind>();
        kinds.add(record.kind);
        personal.set(record.serviceId, kinds);
      }
    }
    return { personal, aggregate: (serviceId) => this.counts.get(serviceId) ?? { positive: 0, negative: 0 } };
  }
}
