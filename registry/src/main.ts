import * as fs from 'node:fs';
import * as path from 'node:path';
import { REGISTRY_PORT } from '@aurora/manifest';
import { openStore } from '@aurora/store';
import { closeOnSignal, createLogger, parseEnv, providerAuthSettings, ProviderTokenVerifier, runService, subgraphEnvSchema } from '@aurora/service-kit';
import { NETWORK_OWNER } from '@aurora/supergraph';
import { readAcceptedChanges, readManifest, SCHEMA_DIR } from '@aurora/schema';
import { SchemaRegistry } from './registry';
import { createRegistryServer } from './server';

runService('registry', async () => {
  const config = parseEnv('registry', subgraphEnvSchema(REGISTRY_PORT), process.env);
  const logger = createLogger('registry', config.LOG_LEVEL);
  const store = await openStore({
    subgraph: 'registry',
    dataDir: config.AURORA_DATA_DIR,
    mongodbUri: config.MONGODB_URI,
    onWarning: (message) => logger.warn(message),
  });
  const registry = new SchemaRegistry(store, () => readAcceptedChanges(path.join(SCHEMA_DIR, 'accepted-changes.yaml')));
  // The network starts from the subgraphs committed in schema/; later versions come from publishes.
  const committed = readManifest().map((entry) => ({
    name: entry.name,
    url: entry.routingUrl,
    sdl: fs.readFileSync(entry.schemaFile, 'utf8'),
    owner: NETWORK_OWNER,
  }));
  await registry.seed(committed);
  // The network's own subgraphs follow the repository: a schema committed since the last start is published.
  for (const subgraph of committed) {
    const current = (await registry.current())?.subgraphs.find((candidate) => candidate.name === subgraph.name);
    if (current && current.sdl === subgraph.sdl && current.url === subgraph.url) continue;
    const outcome = await registry.publish(subgraph, { organisation: NETWORK_OWNER, admin: true });
    if (outcome.ok) logger.info({ subgraph: subgraph.name, version: outcome.version }, 'committed schema published');
    else logger.error({ subgraph: subgraph.name, errors: outcome.errors }, 'committed schema refused by the review; the registry keeps the previous one');
  }
  const seeded = (await registry.current()) as NonNullable<Awaited<ReturnType<SchemaRegistry['current']>>>;
  const running = await createRegistryServer(registry, new ProviderTokenVerifier(providerAuthSettings(config)), logger).listen(config.PORT, config.HOST);
  logger.info({ url: running.url, version: seeded.version, store: store.kind }, 'registry ready');
  closeOnSignal(logger, async () => {
    await running.close();
    await store.close();
  });
});
