import { Benefit } from './benefit';
import type { KelaContext } from './loaders';

/** Another subgraph refers to a benefit by id; null when there is none. */
export async function resolveBenefitReference(reference: { id: string }, context: KelaContext): Promise<Benefit | null> {
  const document = await context.repository.benefitById(reference.id);
  return document ? new Benefit(document) : null;
}
