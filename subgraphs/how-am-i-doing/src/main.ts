import { runSubgraph } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createHowAmIDoingSubgraph, SUBGRAPH_NAME } from './subgraph';

runSubgraph(SUBGRAPH_NAME, loadConfig, (dependencies) => createHowAmIDoingSubgraph({ ...dependencies, config: loadConfig() }));
