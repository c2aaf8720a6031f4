import { upsertChanged, type Collection, type DocumentStore, type IndexSpec } from '@aurora/store';
import type { BenefitDocument } from './benefit';

export const INDEXES: IndexSpec[] = [{ key: { serviceIds: 1 }, name: 'benefits_by_service' }];

/** The benefits agency's own store. */
export class BenefitRepository {
  private readonly benefits: Collection<BenefitDocument>;

  constructor(store: DocumentStore) {
    this.benefits = store.collection<BenefitDocument>('benefits');
  }

  async ensureIndexes(): Promise<void> {
    await this.benefits.createIndexes(INDEXES);
  }

  /** Writes the given benefits; running it again with the same data changes nothing. */
  seed(benefits: BenefitDocument[]) {
    return upsertChanged(this.benefits, benefits);
  }

  benefitsForServices(serviceIds: readonly string[]): Promise<BenefitDocument[]> {
    return this.benefits.find({ serviceIds: { $in: [...serviceIds] } }, { sort: { _id: 1 } });
  }

  benefitById(id: string): Promise<BenefitDocument | null> {
    return this.benefits.findOne({ _id: id });
  }
}
