import { upsertChanged, type Collection, type DocumentStore } from '@aurora/store';
import type { VisitingDetailsDocument } from './example-data';

/** The city's own store of visiting details, keyed by service location id. */
export class VisitingDetailsRepository {
  private readonly details: Collection<VisitingDetailsDocument>;

  constructor(store: DocumentStore) {
    this.details = store.collection<VisitingDetailsDocument>('visitingDetails');
  }

  seed(documents: VisitingDetailsDocument[]) {
    return upsertChanged(this.details, documents);
  }

  byLocationIds(ids: readonly string[]): Promise<VisitingDetailsDocument[]> {
    return this.details.find({ _id: { $in: [...ids] } });
  }
}
