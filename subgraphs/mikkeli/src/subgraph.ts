import * as fs from 'node:fs';
import * as path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  buildSubgraphFromSdl,
  createSubgraphServer,
  pseudonymOf,
  requirePersonalDataSecret,
  type NetworkSubgraph,
  type SubgraphOptions,
  type SubgraphServer,
} from '@aurora/subgraph-kit';
import { AppointmentBook } from './appointments';
import { EXAMPLE_VISITING_DETAILS } from './example-data';
import { createLoaders, type MikkeliContext } from './loaders';
import { VisitingDetailsRepository } from './repository';
import { resolvers } from './resolvers';

export const SUBGRAPH_NAME = 'mikkeli';

export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');

export interface MikkeliOptions extends SubgraphOptions {
  personalDataSecret?: string;
  /** The appointment book; the example calendars on the subgraph's store by default. */
  appointments?: AppointmentBook;
}

/**
 * The City of Mikkeli's subgraph on its own store, seeded with its example visiting details, and
 * its appointment book: the city keeps personal data (appointments) under its own pseudonym.
 */
export async function createMikkeliSubgraph(options: MikkeliOptions): Promise<SubgraphServer & { appointments: AppointmentBook }> {
  const secret = requirePersonalDataSecret(SUBGRAPH_NAME, options.personalDataSecret, options.config);
  const appointments = options.appointments ?? new AppointmentBook(options.store);
  const repository = new VisitingDetailsRepository(options.store);
  const seeded = await repository.seed(EXAMPLE_VISITING_DETAILS);
  options.logger.info(seeded, 'example visiting details in place');
  const server = createSubgraphServer<MikkeliContext>({
    name: SUBGRAPH_NAME,
    // Public catalogue data: answers may be cached for 30 s (the router caches only anonymous requests).
    cacheMaxAge: 30,
    schema: buildSubgraphFromSdl(typeDefs, resolvers),
    logger: options.logger,
    context: (request) => ({ loaders: createLoaders(repository), appointments, pseudonym: pseudonymOf(request) }),
    plugins: options.plugins,
    personalData: {
      secret,
      handler: {
        async export(pseudonym) {
          return (await appointments.ofPerson(pseudonym)).map(({ id, actionId, start, end, bookedAt }) => ({
            appointment: { id, action: actionId, start, end, bookedAt },
          }));
        },
        async delete(pseudonym) {
          return { deletedRecords: await appointments.deletePerson(pseudonym) };
        },
      },
    },
  });
  return { ...server, appointments };
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(buildSubgraphFromSdl(typeDefs, {}));
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph = { name: SUBGRAPH_NAME, printSchema, create: (services) => createMikkeliSubgraph(services) };
