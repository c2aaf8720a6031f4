import { runSubgraph } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createRecommendationSubgraph, SUBGRAPH_NAME } from './subgraph';

runSubgraph(SUBGRAPH_NAME, loadConfig, (dependencies) => createRecommendationSubgraph({ ...dependencies, config: loadConfig() }));
