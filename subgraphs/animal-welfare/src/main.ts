import { loadConfig } from './config';
import { publishActions, publishServices } from './publish-services';
import { createAnimalWelfareSubgraph, readData, SUBGRAPH_NAME } from './subgraph';

async function main(): Promise<void> {
  const config = loadConfig();
  const data = readData();
  const ownActions = new Set<string>();
  const running = await createAnimalWelfareSubgraph(data, ownActions).listen(config.port, config.host);
  process.stdout.write(`${JSON.stringify({ service: SUBGRAPH_NAME, url: running.url, msg: 'animal-welfare subgraph ready' })}\n`);
  if (config.providerToken) {
    try {
      const published = await publishServices(config.routerUrl, config.providerToken, data);
      process.stdout.write(`${JSON.stringify({ service: SUBGRAPH_NAME, published, msg: 'services in the directory' })}\n`);
      for (const id of await publishActions(config.routerUrl, config.providerToken, data)) ownActions.add(id);
      process.stdout.write(`${JSON.stringify({ service: SUBGRAPH_NAME, actions: ownActions.size, msg: 'actions in the directory' })}\n`);
    } catch (error) {
      process.stderr.write(`${SUBGRAPH_NAME}: publishing services or actions to the directory failed: ${(error as Error).message}\n`);
    }
  }
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${SUBGRAPH_NAME} could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
