import { badUserInput, requireScope, type ProviderTokenVerifier } from '@aurora/subgraph-kit';
import type { Dialogue } from './dialogue';
import type { Resolvers } from './generated/resolvers';

export type { ChatbotContext } from './context';

export const REDEEM_SCOPE = 'transfer:redeem';

export function createResolvers(dialogue: Dialogue, verifier: ProviderTokenVerifier): Resolvers {
  return {
    Query: {
      async chatSession(_, args, context) {
        const session = await dialogue.session(args.sessionId, context.pseudonym);
        return session ? { sessionId: session._id, language: session.language, messages: session.messages } : null;
      },
    },
    Mutation: {
      chat: (_, args, context) => dialogue.chat(args, context.pseudonym),
      deleteChatSession: (_, args, context) => dialogue.deleteSession(args.sessionId, context.pseudonym),
      startTransfer: (_, args, context) => dialogue.startTransfer(args.sessionId, args.recipient, args.attributes, context.pseudonym),
      async redeemTransfer(_, args, context) {
        if (args.code.length > 100) throw badUserInput('code is not a transfer code.', 'code');
        const claims = await verifier.verify(context.authorization);
        requireScope(claims, REDEEM_SCOPE);
        return dialogue.redeemTransfer(args.code, claims.organisation);
      },
    },
  };
}
