import { loadConfig } from './config';
import { publishServices } from './publish-services';
import { createAnimalWelfareSubgraph, readData, SUBGRAPH_NAME } from './subgraph';

async function main(): Promise<void> {
  const config = loadConfig();
  const data = readData();
  const running = await createAnimalWelfareSubgraph(data).listen(config.port, config.host);
  process.stdout.write(`${JSON.stringify({ service: SUBGRAPH_NAME, url: running.url, msg: 'animal-welfare subgraph ready' })}\n`);
  if (config.providerToken) {
    try {
      const published = await publishServices(config.routerUrl, config.providerToken, data);
      process.stdout.write(`${JSON.stringify({ service: SUBGRAPH_NAME, published, msg: 'services in the directory' })}\n`);
    } catch (error) {
      process.stderr.write(`${SUBGRAPH_NAME}: publishing services to the directory failed: ${(error as Error).message}\n`);
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
