import { badUserInput, requireScope, type Language, type ProviderTokenVerifier } from '@aurora/subgraph-kit';
import type { Dialogue, TransferAttribute } from './dialogue';

export interface ChatbotContext {
  pseudonym: string | null;
  authorization: string | undefined;
}

export const REDEEM_SCOPE = 'transfer:redeem';

export function createResolvers(dialogue: Dialogue, verifier: ProviderTokenVerifier) {
  return {
    Query: {
      async chatSession(_: unknown, args: { sessionId: string }, context: ChatbotContext) {
        const session = await dialogue.session(args.sessionId, context.pseudonym);
        return session ? { sessionId: session._id, language: session.language, messages: session.messages } : null;
      },
    },
    Mutation: {
      chat: (_: unknown, args: { sessionId?: string | null; message: string; language?: Language | null }, context: ChatbotContext) =>
        dialogue.chat(args, context.pseudonym),
      deleteChatSession: (_: unknown, args: { sessionId: string }, context: ChatbotContext) => dialogue.deleteSession(args.sessionId, context.pseudonym),
      startTransfer: (_: unknown, args: { sessionId: string; recipient: string; attributes: TransferAttribute[] }, context: ChatbotContext) =>
        dialogue.startTransfer(args.sessionId, args.recipient, args.attributes, context.pseudonym),
      async redeemTransfer(_: unknown, args: { code: string }, context: ChatbotContext) {
        if (args.code.length > 100) throw badUserInput('code is not a transfer code.', 'code');
        const claims = await verifier.verify(context.authorization);
        requireScope(claims, REDEEM_SCOPE);
        return dialogue.redeemTransfer(args.code, claims.organisation);
      },
    },
  };
}
