import { runSubgraph } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createKelaSubgraph, SUBGRAPH_NAME } from './subgraph';

runSubgraph(SUBGRAPH_NAME, loadConfig, createKelaSubgraph);
