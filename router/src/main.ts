import * as fs from 'node:fs';
import { closeOnSignal, createLogger, runService } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createRouter } from './router';

runService('router', async () => {
  const config = loadConfig();
  const logger = createLogger('router', config.LOG_LEVEL);
  if (!fs.existsSync(config.AURORA_SUPERGRAPH_PATH)) {
    throw new Error(`Supergraph file ${config.AURORA_SUPERGRAPH_PATH} does not exist. Run \`npm run schema:compose\`, or set AURORA_SUPERGRAPH_PATH.`);
  }
  const supergraphSdl = fs.readFileSync(config.AURORA_SUPERGRAPH_PATH, 'utf8');
  const running = await createRouter({ supergraphSdl, subgraphUrls: config.AURORA_SUBGRAPH_URLS, logger }).listen(config.PORT, config.HOST);
  logger.info({ url: running.url }, 'router ready');
  closeOnSignal(logger, () => running.close());
});
