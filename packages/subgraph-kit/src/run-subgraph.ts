import { openStore, type DocumentStore } from '@aurora/store';
import type { z } from 'zod';
import type { subgraphEnvSchema } from '@aurora/service-kit';
import { createLogger, type Logger } from '@aurora/service-kit';
import type { SubgraphServer } from './server';
import { closeOnSignal, runService } from '@aurora/service-kit';

export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;

/**
 * What a subgraph's `main.ts` does: read its config, open its own store (MongoDB when
 * MONGODB_URI is set, else the embedded store under AURORA_DATA_DIR/<name>), build the
 * subgraph, listen, and close everything on SIGINT/SIGTERM.
 */
export function runSubgraph(
  name: string,
  loadConfig: () => SubgraphEnv,
  create: (dependencies: { store: DocumentStore; logger: Logger; config: SubgraphEnv }) => Promise<SubgraphServer>,
): void {
  runService(name, async () => {
    const config = loadConfig();
    const logger = createLogger(name, config.LOG_LEVEL);
    const store = await openStore({
      subgraph: name,
      dataDir: config.AURORA_DATA_DIR,
      mongodbUri: config.MONGODB_URI,
      onWarning: (message) => logger.warn(message),
    });
    try {
      const running = await (await create({ store, logger, config })).listen(config.PORT, config.HOST);
      logger.info({ url: running.url, store: store.kind }, `${name} ready`);
      closeOnSignal(logger, async () => {
        await running.close();
        await store.close();
      });
    } catch (error) {
      await store.close();
      throw error;
    }
  });
}
