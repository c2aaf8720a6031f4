import DataLoader from 'dataloader';
import type { AppointmentBook } from './appointments';
import type { VisitingDetailsDocument } from './example-data';
import type { VisitingDetailsRepository } from './repository';

/** Per request: the details of every location asked for in one tick, in one store query. */
export function createLoaders(repository: VisitingDetailsRepository) {
  return {
    visitingDetails: new DataLoader<string, VisitingDetailsDocument | null>(async (ids) => {
      const found = new Map((await repository.byLocationIds(ids)).map((document) => [document._id, document]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

export interface MikkeliContext {
  loaders: ReturnType<typeof createLoaders>;
  appointments: AppointmentBook;
  /** The city's pseudonym for the person, set by the router from an identity token; null without one. */
  pseudonym: string | null;
}
