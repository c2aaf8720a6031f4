import type { Collection, DocumentStore } from '@aurora/store';
import { EMPTY_ATTRIBUTES, type ProfileDocument } from './model';

/** Profiles by this subgraph's pseudonym; nothing else identifies a person here. */
export class ProfileRepository {
  private readonly profiles: Collection<ProfileDocument>;

  constructor(store: DocumentStore) {
    this.profiles = store.collection<ProfileDocument>('profiles');
  }

  byPseudonyms(pseudonyms: readonly string[]): Promise<ProfileDocument[]> {
    return this.profiles.find({ _id: { $in: [...pseudonyms] } });
  }

  async get(pseudonym: string): Promise<ProfileDocument> {
    return (
      (await this.profiles.findOne({ _id: pseudonym })) ?? {
        _id: pseudonym,
        attributes: { ...EMPTY_ATTRIBUTES },
        consents: [],
        createdAt: new Date().toISOString(),
      }
    );
  }

  async save(profile: ProfileDocument): Promise<void> {
    await this.profiles.replaceOne({ _id: profile._id }, profile, { upsert: true });
  }

  async delete(pseudonym: string): Promise<number> {
    return (await this.profiles.deleteOne({ _id: pseudonym })).deletedCount;
  }
}
