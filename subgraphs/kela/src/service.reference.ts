import { Service } from './service';

/** The benefits agency resolves any service by its id; its own fields load through DataLoaders. */
export function resolveServiceReference(reference: { id: string }): Service {
  return Object.assign(new Service(), { id: reference.id });
}
