import { runSubgraph } from '@aurora/subgraph-kit';
import { loadConfig } from './config';
import { createServiceDirectory, SUBGRAPH_NAME } from './subgraph';

runSubgraph(SUBGRAPH_NAME, loadConfig, createServiceDirectory);
