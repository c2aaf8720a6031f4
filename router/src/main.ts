import * as fs from 'node:fs';
import { openStore } from '@aurora/store';
import { closeOnSignal, createLogger, personalDataSecret, providerAuthSettings, runService } from '@aurora/service-kit';
import { loadConfig, routerPolicy } from './config';
import { loadRouterKey } from './identity';
import { createRouter } from './router';
import { readSafelist } from './safelist';

runService('router', async () => {
  const config = loadConfig();
  const logger = createLogger('router', config.LOG_LEVEL);
  let supergraph: { sdl: string } | { registryUrl: string; pollMs: number };
  if (config.AURORA_REGISTRY_URL) supergraph = { registryUrl: config.AURORA_REGISTRY_URL, pollMs: config.AURORA_REGISTRY_POLL_MS };
  else if (!fs.existsSync(config.AURORA_SUPERGRAPH_PATH)) {
    throw new Error(`Supergraph file ${config.AURORA_SUPERGRAPH_PATH} does not exist. Run \`npm run schema:compose\`, or set AURORA_SUPERGRAPH_PATH.`);
  } else supergraph = { sdl: fs.readFileSync(config.AURORA_SUPERGRAPH_PATH, 'utf8') };
  const store = await openStore({
    subgraph: 'router',
    dataDir: config.AURORA_DATA_DIR,
    mongodbUri: config.MONGODB_URI,
    onWarning: (message) => logger.warn(message),
  });
  const running = await createRouter({
    supergraph,
    subgraphUrls: config.AURORA_SUBGRAPH_URLS,
    logger,
    routerKey: loadRouterKey(config.AURORA_DATA_DIR, config.AURORA_ROUTER_KEY),
    personalDataSecret: personalDataSecret(config.AURORA_DATA_DIR, config.AURORA_PERSONAL_DATA_SECRET),
    store,
    deletionRetryMs: config.AURORA_DELETION_RETRY_MS,
    ...routerPolicy(config),
    providerAuth: providerAuthSettings(config),
    traceExporter: config.OTEL_EXPORTER_OTLP_ENDPOINT ? 'otlp' : null,
    safelist: config.AURORA_PERSISTED_QUERIES_MANIFEST ? readSafelist(config.AURORA_PERSISTED_QUERIES_MANIFEST) : undefined,
  }).listen(config.PORT, config.HOST);
  logger.info({ url: running.url }, 'router ready');
  closeOnSignal(logger, async () => {
    await running.close();
    await store.close();
  });
});
