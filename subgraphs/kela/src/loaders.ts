import DataLoader from 'dataloader';
import type { BenefitDocument } from './benefit';
import type { BenefitRepository } from './repository';

/** Per request: the benefits of every service asked for in one tick, in one store query. */
export function createLoaders(repository: BenefitRepository) {
  return {
    benefitsByService: new DataLoader<string, BenefitDocument[]>(async (serviceIds) => {
      const benefits = await repository.benefitsForServices(serviceIds);
      return serviceIds.map((id) => benefits.filter((benefit) => benefit.serviceIds.includes(id)));
    }),
  };
}

export interface KelaContext {
  loaders: ReturnType<typeof createLoaders>;
  repository: BenefitRepository;
}
