import { printSchema as printChatbot } from '@aurora/chatbot';
import { printSchema as printHowAmIDoing } from '@aurora/how-am-i-doing';
import { printSchema as printKela } from '@aurora/kela';
import { printSchema as printMikkeli } from '@aurora/mikkeli';
import { printSchema as printProfile } from '@aurora/profile';
import { printSchema as printRecommendation } from '@aurora/recommendation';
import { printSchema as printServiceDirectory } from '@aurora/service-directory';

/**
 * Where each subgraph of the manifest gets its schema from: the subgraph's own code. The schema
 * workspace is the only one that imports subgraphs, and only to print their schemas.
 */
export const SCHEMA_SOURCES: Record<string, () => Promise<string>> = {
  'service-directory': printServiceDirectory,
  kela: printKela,
  mikkeli: printMikkeli,
  profile: printProfile,
  recommendation: printRecommendation,
  chatbot: printChatbot,
  'how-am-i-doing': printHowAmIDoing,
};
