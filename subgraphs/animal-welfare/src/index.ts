export { createAnimalWelfareSubgraph, readData, typeDefs, SUBGRAPH_NAME, type AnimalData } from './subgraph';
export { buildFederatedSchema } from './federation';
export { publishActions, publishServices } from './publish-services';
