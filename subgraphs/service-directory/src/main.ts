import { openStore } from '@aurora/store';
import { closeOnSignal, createLogger, runService } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createServiceDirectory, SUBGRAPH_NAME } from './subgraph';

runService(SUBGRAPH_NAME, async () => {
  const config = loadConfig();
  const logger = createLogger(SUBGRAPH_NAME, config.LOG_LEVEL);
  const store = await openStore({
    subgraph: SUBGRAPH_NAME,
    dataDir: config.AURORA_DATA_DIR,
    mongodbUri: config.MONGODB_URI,
    onWarning: (message) => logger.warn(message),
  });
  try {
    const directory = await createServiceDirectory({ store, logger });
    const running = await directory.listen(config.PORT, config.HOST);
    logger.info({ url: running.url, store: store.kind }, 'service directory ready');
    closeOnSignal(logger, async () => {
      await running.close();
      await store.close();
    });
  } catch (error) {
    await store.close();
    throw error;
  }
});
