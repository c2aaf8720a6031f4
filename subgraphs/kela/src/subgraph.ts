import 'reflect-metadata';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraphFromClasses, createSubgraphServer, type SubgraphServer, type NetworkSubgraph, type SubgraphOptions } from '@aurora/subgraph-kit';
import { EligibilityCheck, EligibilityCheckResolver, EligibilityResolver, Me, resolveEligibilityCheckReference, resolveMeReference } from './eligibility';
import { EXAMPLE_BENEFITS } from './example-data';
import { createLoaders, type KelaContext } from './loaders';
import { BenefitRepository } from './repository';
import { BenefitResolver, ServiceBenefitsResolver } from './resolver';
import { Service } from './service';
import { resolveBenefitReference } from './benefit.reference';
import { resolveServiceReference } from './service.reference';

export const SUBGRAPH_NAME = 'kela';

function buildSchema() {
  return buildSubgraphFromClasses({
    resolvers: [ServiceBenefitsResolver, BenefitResolver, EligibilityCheckResolver, EligibilityResolver],
    // Service, EligibilityCheck and Me are reached only through _entities, never from this subgraph's Query.
    orphanedTypes: [Service, EligibilityCheck, Me],
    references: {
      Service: { __resolveReference: resolveServiceReference },
      Benefit: { __resolveReference: resolveBenefitReference },
      EligibilityCheck: { __resolveReference: resolveEligibilityCheckReference },
      Me: { __resolveReference: resolveMeReference },
    },
  });
}

export type KelaOptions = SubgraphOptions;

/** The benefits agency's subgraph on its own store, seeded with its example benefits. */
export async function createKelaSubgraph(options: KelaOptions): Promise<SubgraphServer> {
  const repository = new BenefitRepository(options.store);
  await repository.ensureIndexes();
  const seeded = await repository.seed(EXAMPLE_BENEFITS);
  options.logger.info(seeded, 'example benefits in place');
  return createSubgraphServer<KelaContext>({
    name: SUBGRAPH_NAME,
    // Public catalogue data: answers may be cached for 30 s (the router caches only anonymous requests).
    cacheMaxAge: 30,
    schema: await buildSchema(),
    logger: options.logger,
    context: () => ({ loaders: createLoaders(repository), repository }),
    plugins: options.plugins,
  });
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(await buildSchema());
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph = { name: SUBGRAPH_NAME, printSchema, create: (services) => createKelaSubgraph(services) };
