export { createAnimalWelfareSubgraph, readData, typeDefs, SUBGRAPH_NAME, type AnimalData } from './subgraph';
export { buildFederatedSchema } from './federation';
export { publishServices } from './publish-services';
