import { randomUUID } from 'node:crypto';
import type { Collection, DocumentStore } from '@aurora/store';
import type { Language } from '@aurora/subgraph-kit';

/** What a session keeps for a question the person chose to skip. */
export const SKIPPED = 'SKIPPED';
/** The messages a session keeps, the latest ones. */
export const KEEP_MESSAGES = 100;

export interface ChatMessage {
  author: 'PERSON' | 'CHATBOT';
  text: string;
  sentAt: string;
}

export interface Session {
  _id: string;
  /** The chatbot's own pseudonym for the person, when they came with an identity. */
  pseudonym: string | null;
  language: Language;
  lifeEvents: string[];
  needs: string[];
  municipality: string | null;
  age: number | typeof SKIPPED | null;
  awaiting: 'MUNICIPALITY' | 'AGE' | null;
  /** Packages already shown for the current situation (for "tell me more"). */
  shown: number;
  /** What the person said of their situation, in their words: one message may name several needs. */
  situationText?: string;
  messages: ChatMessage[];
  updatedAt: string;
  [field: string]: unknown;
}

/** What a conversation's life needs of its transfer codes (transfers.ts keeps the rest). */
interface TransferOfSession {
  _id: string;
  sessionId: string;
  [field: string]: unknown;
}

export function newSession(pseudonym: string | null, language: Language): Session {
  return {
    _id: randomUUID(),
    pseudonym,
    language,
    lifeEvents: [],
    needs: [],
    municipality: null,
    age: null,
    awaiting: null,
    shown: 0,
    messages: [],
    updatedAt: new Date().toISOString(),
  };
}

/** The municipality a session knows, unless the person skipped the question. */
export const municipalityOf = (session: Session): string | null => (session.municipality && session.municipality !== SKIPPED ? session.municipality : null);

/**
 * The conversations the chatbot keeps, and their whole life: found only by the identity that
 * started them, exported and erased with the person, forgotten when idle. A conversation's
 * transfer codes carry what was said in it, so they go with it.
 */
export class Conversations {
  private readonly sessions: Collection<Session>;
  private readonly transfers: Collection<TransferOfSession>;

  constructor(store: DocumentStore) {
    this.sessions = store.collection<Session>('sessions');
    this.transfers = store.collection<TransferOfSession>('transfers');
  }

  /** A session is found by its id, and only by the identity that started it (if one did). */
  async find(sessionId: string, pseudonym: string | null): Promise<Session | null> {
    if (sessionId.length > 100) return null;
    const session = await this.sessions.findOne({ _id: sessionId });
    if (!session || (session.pseudonym && session.pseudonym !== pseudonym)) return null;
    return session;
  }

  /** The person's most recent conversation, by the identity that had it; null when there is none. */
  async latestOf(pseudonym: string): Promise<Session | null> {
    return (await this.sessions.find({ pseudonym }, { sort: { updatedAt: -1 }, limit: 1 }))[0] ?? null;
  }

  async save(session: Session): Promise<void> {
    await this.sessions.replaceOne({ _id: session._id }, session, { upsert: true });
  }

  async delete(sessionId: string, pseudonym: string | null): Promise<boolean> {
    const session = await this.find(sessionId, pseudonym);
    if (!session) return false;
    await this.transfers.deleteMany({ sessionId });
    return (await this.sessions.deleteOne({ _id: sessionId })).deletedCount === 1;
  }

  async exportPerson(pseudonym: string) {
    const sessions = await this.sessions.find({ pseudonym });
    return sessions.map(({ _id, pseudonym: _pseudonym, ...session }) => ({ conversation: { sessionId: _id, ...session } }));
  }

  async deletePerson(pseudonym: string): Promise<number> {
    const sessions = await this.sessions.find({ pseudonym });
    let deleted = 0;
    for (const session of sessions) deleted += (await this.transfers.deleteMany({ sessionId: session._id })).deletedCount;
    deleted += (await this.sessions.deleteMany({ pseudonym })).deletedCount;
    return deleted;
  }

  /** Forgets conversations nobody has touched for `days` (default 30): the chatbot keeps nothing longer than it helps. */
  async forgetOlderThan(days = 30): Promise<number> {
    const before = new Date(Date.now() - days * 86_400_000).toISOString();
    const idle = await this.sessions.find({ updatedAt: { $lt: before } }, { projection: { _id: 1 } });
    if (idle.length === 0) return 0;
    // A transfer code carries what was said in its conversation: it goes with it.
    await this.transfers.deleteMany({ sessionId: { $in: idle.map((session) => session._id) } });
    return (await this.sessions.deleteMany({ _id: { $in: idle.map((session) => session._id) } })).deletedCount;
  }
}
