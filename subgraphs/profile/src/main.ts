import { runSubgraph } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createProfileSubgraph, SUBGRAPH_NAME } from './subgraph';

runSubgraph(SUBGRAPH_NAME, loadConfig, createProfileSubgraph);
