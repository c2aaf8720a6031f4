import type { Dimension } from '@aurora/code-lists';
import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '@aurora/store';

export interface Assessment {
  _id: string;
  /** This subgraph's own pseudonym for the person, from the router. */
  pseudonym: string;
  recordedAt: string;
  readings: { dimension: Dimension; value: number }[];
  [field: string]: unknown;
}

const KEEP = 200;

/** The person's answers under this subgraph's pseudonym: nothing else identifies them here. */
export class AssessmentRepository {
  private readonly assessments;
  private indexed: Promise<void> | null = null;

  constructor(store: DocumentStore) {
    this.assessments = store.collection<Assessment>('assessments');
  }

  private ensureIndexes() {
    this.indexed ??= this.assessments.createIndexes([{ key: { pseudonym: 1, recordedAt: 1 }, name: 'by_person_time' }]);
    return this.indexed;
  }

  async record(pseudonym: string, readings: Assessment['readings']): Promise<Assessment> {
    await this.ensureIndexes();
    const assessment: Assessment = { _id: randomUUID(), pseudonym, recordedAt: new Date().toISOString(), readings };
    await this.assessments.insertOne(assessment);
    // A person's history is kept to its latest answers.
    const all = await this.ofPerson(pseudonym);
    if (all.length > KEEP) await this.assessments.deleteMany({ _id: { $in: all.slice(0, all.length - KEEP).map((entry) => entry._id) } });
    return assessment;
  }

  async ofPerson(pseudonym: string): Promise<Assessment[]> {
    await this.ensureIndexes();
    return this.assessments.find({ pseudonym }, { sort: { recordedAt: 1 } });
  }

  async deletePerson(pseudonym: string): Promise<number> {
    return (await this.assessments.deleteMany({ pseudonym })).deletedCount;
  }
}
