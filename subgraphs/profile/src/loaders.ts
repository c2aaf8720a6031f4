import DataLoader from 'dataloader';
import type { ProfileDocument } from './model';
import type { ProfileRepository } from './repository';

export function createLoaders(repository: ProfileRepository) {
  return {
    profile: new DataLoader<string, ProfileDocument | null>(async (pseudonyms) => {
      const found = new Map((await repository.byPseudonyms(pseudonyms)).map((profile) => [profile._id, profile]));
      return pseudonyms.map((pseudonym) => found.get(pseudonym) ?? null);
    }),
  };
}

export interface ProfileContext {
  loaders: ReturnType<typeof createLoaders>;
  /** This subgraph's pseudonym for the person, from the router; null without an identity. */
  pseudonym: string | null;
}
