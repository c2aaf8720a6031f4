export { createChatbotSubgraph, networkSubgraph, printSchema, SUBGRAPH_NAME, type ChatbotOptions } from './subgraph';
export { Dialogue, MAX_MESSAGE, type ChatTurn } from './dialogue';
export { guessLanguage } from './language';
export type { RouterPost } from './network';
export { IntentClassifier, features, MIN_CONFIDENCE, type Intent, type Utterances } from './intents';
export { findAge, findMunicipality } from './entities';
export { expressesCrisis, crisisReply, CRISIS_LINE, EMERGENCY_NUMBER } from './safety';
export { REDEEM_SCOPE } from './resolvers';
