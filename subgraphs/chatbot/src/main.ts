import { runSubgraph } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createChatbotSubgraph, SUBGRAPH_NAME } from './subgraph';

runSubgraph(SUBGRAPH_NAME, loadConfig, (dependencies) => createChatbotSubgraph({ ...dependencies, config: loadConfig() }));
