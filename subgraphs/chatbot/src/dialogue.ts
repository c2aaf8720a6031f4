import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DIMENSIONS, meterOf, type Dimension } from '@aurora/code-lists';
import type { DocumentStore } from '@aurora/store';
import { badUserInput, codedError, ErrorCode, type Language, type Logger } from '@aurora/subgraph-kit';
import { isStopword, tokenize, type TextLanguage } from '@aurora/text-analysis';
import { findAge, findMunicipality } from './entities';
import { IntentClassifier, type Intent } from './intents';
import { crisisReply, expressesCrisis } from './safety';
import { isRestart, isSkip, QUICK, TEXTS } from './texts';

export const MAX_MESSAGE = 2000;
const CRISIS_CONFIDENCE = 0.5;
const KEEP_MESSAGES = 100;
const TRANSFER_MINUTES = 10;
const SKIPPED = 'SKIPPED';
const isMeter = (intent: string): intent is Dimension => (DIMENSIONS as readonly string[]).includes(intent);

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

export interface ChatPackage {
  title: string;
  explanation: string;
  services: { __typename: 'Service'; id: string }[];
}

export interface ChatTurn {
  sessionId: string;
  reply: string;
  services: { __typename: 'Service'; id: string }[];
  packages: ChatPackage[];
  quickReplies: string[];
  intent: string;
  crisis: boolean;
  language: Language;
}

export type TransferAttribute = 'AGE' | 'MUNICIPALITY' | 'LIFE_EVENTS' | 'NEEDS' | 'LANGUAGE';

/** What a transfer may hand over, each attribute null when the conversation did not learn it. */
interface TransferValues {
  AGE: number | null;
  MUNICIPALITY: string | null;
  LIFE_EVENTS: string[];
  NEEDS: string[];
  LANGUAGE: Language;
}

interface Transfer {
  _id: string;
  sessionId: string;
  pseudonym: string | null;
  recipient: string;
  attributes: TransferAttribute[];
  values: Partial<TransferValues> | null;
  expiresAt: string;
  redeemedAt: string | null;
  [field: string]: unknown;
}

/** How the chatbot reads the network: a GraphQL request to the router. */
export type RouterPost = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: unknown } }[] }>;

type Nearness = 'YOUR_MUNICIPALITY' | 'YOUR_WELLBEING_SERVICES_COUNTY' | 'YOUR_REGION' | 'ELSEWHERE' | 'UNKNOWN';
const NEARNESS: readonly Nearness[] = ['YOUR_MUNICIPALITY', 'YOUR_WELLBEING_SERVICES_COUNTY', 'YOUR_REGION', 'ELSEWHERE', 'UNKNOWN'];

const RECOMMEND = `query ChatbotPackages($situation: SituationInput!, $first: Int) {
  recommendServicePackages(situation: $situation, first: $first) {
    title explanation
    items { service { id } placeToVisit { municipalityCode nearness } }
  }
}`;

/**
 * The conversation: safety first, then what the message is about (the trained classifier) and
 * what it names (municipality, age), then one question at a time until the situation,
 * municipality and age are known or skipped, then packages from the recommendation engine
 * through the router.
 */
export class Dialogue {
  private readonly sessions;
  private readonly transfers;

  constructor(
    store: DocumentStore,
    private readonly router: RouterPost,
    private readonly logger: Logger,
    private readonly classifier = new IntentClassifier(),
  ) {
    this.sessions = store.collection<Session>('sessions');
    this.transfers = store.collection<Transfer>('transfers');
  }

  async chat(input: { sessionId?: string | null; message: string; language?: Language | null }, pseudonym: string | null): Promise<ChatTurn> {
    const message = (input.message ?? '').trim();
    if (message.length === 0) throw badUserInput('message must not be empty; write what you need help with.', 'message');
    if (message.length > MAX_MESSAGE)
      throw badUserInput(`message may be at most ${MAX_MESSAGE} characters; it was ${message.length}. Send a shorter message.`, 'message');

    let session = input.sessionId ? await this.find(input.sessionId, pseudonym) : null;
    const unknownSession = !!input.sessionId && !session;
    const language = input.language ?? session?.language ?? guessLanguage(message, this.classifier);
    if (!session) session = newSession(pseudonym, language);
    session.language = language;
    const now = new Date().toISOString();
    session.messages.push({ author: 'PERSON', text: message, sentAt: now });

    const turn = await this.respond(session, message);
    if (unknownSession) turn.reply = `${TEXTS.unknownSession(language)} ${turn.reply}`;
    session.messages.push({ author: 'CHATBOT', text: turn.reply, sentAt: new Date().toISOString() });
    session.messages = session.messages.slice(-KEEP_MESSAGES);
    session.updatedAt = new Date().toISOString();
    await this.sessions.replaceOne({ _id: session._id }, session, { upsert: true });
    return { ...turn, sessionId: session._id, language };
  }

  private async respond(session: Session, message: string): Promise<Omit<ChatTurn, 'sessionId' | 'language'>> {
    const language = session.language;
    const plain = { services: [], packages: [], crisis: false };
    // Safety comes before everything else, whatever the dialogue's state.
    if (expressesCrisis(message)) {
      return { ...plain, reply: crisisReply(language), crisis: true, intent: 'crisis', quickReplies: [QUICK.help(language)] };
    }
    if (isRestart(message)) {
      Object.assign(session, { lifeEvents: [], needs: [], municipality: null, age: null, awaiting: null, shown: 0, situationText: undefined });
      return { ...plain, reply: `${TEXTS.restarted(language)} ${TEXTS.greeting(language)}`, intent: 'restart', quickReplies: QUICK.examples(language) };
    }
    const textLanguage = language.toLowerCase() as TextLanguage;
    const intent: Intent | null = this.classifier.classify(message, textLanguage);
    const municipality = findMunicipality(message);
    const age = findAge(message, session.awaiting === 'AGE');
    // The classifier catches crisis wordings the patterns miss; a message that only answers the
    // question asked ("I live in Tampere") is not one.
    if (intent?.name === 'crisis' && intent.confidence >= CRISIS_CONFIDENCE && !municipality && age === null) {
      return { ...plain, reply: crisisReply(language), crisis: true, intent: 'crisis', quickReplies: [QUICK.help(language)] };
    }
    const skip = isSkip(message);
    if (municipality) session.municipality = municipality;
    if (age !== null) session.age = age;
    const prefix: string[] = [];
    let name = intent?.name ?? 'UNKNOWN';

    // An answer to the question asked.
    if (session.awaiting === 'MUNICIPALITY' && (municipality || skip)) {
      if (skip) session.municipality = SKIPPED;
      name = 'answer';
    } else if (session.awaiting === 'AGE' && (age !== null || skip)) {
      if (skip) session.age = SKIPPED;
      name = 'answer';
    } else if (intent && (intent.name.startsWith('KE') || isMeter(intent.name))) {
      const list = intent.name.startsWith('KE') ? session.lifeEvents : session.needs;
      if (!list.includes(intent.name)) list.push(intent.name);
      session.situationText = `${session.situationText ?? ''} ${message}`.trim().slice(-SITUATION_TEXT_LIMIT);
      session.shown = 0;
      prefix.push(TEXTS.noted([intent.name], language));
    } else if (intent?.name === 'greeting') {
      return { ...plain, reply: TEXTS.greeting(language), intent: name, quickReplies: QUICK.examples(language) };
    } else if (intent?.name === 'help') {
      return { ...plain, reply: TEXTS.help(language), intent: name, quickReplies: QUICK.examples(language) };
    } else if (intent?.name === 'handover') {
      return { ...plain, reply: TEXTS.handover(language), intent: name, quickReplies: [QUICK.more(language), QUICK.restart(language)] };
    } else if (intent?.name === 'visit' || intent?.name === 'more') {
      if (!hasSituation(session)) return { ...plain, reply: TEXTS.needSituationFirst(language), intent: name, quickReplies: QUICK.examples(language) };
      return this.suggest(session, intent.name === 'visit' ? 'visit' : 'more', name);
    } else if (!municipality && age === null) {
      // Not understood; if a question was pending, say how to answer it.
      const reply =
        session.awaiting === 'MUNICIPALITY'
          ? TEXTS.didNotFindMunicipality(language)
          : session.awaiting === 'AGE'
            ? TEXTS.didNotFindAge(language)
            : TEXTS.notUnderstood(language);
      return { ...plain, reply, intent: 'UNKNOWN', quickReplies: session.awaiting ? [QUICK.skip(language)] : QUICK.examples(language) };
    }

    // One question at a time until the situation, the municipality and the age are known or skipped.
    if (!hasSituation(session)) {
      session.awaiting = null;
      return { ...plain, reply: [...prefix, TEXTS.needSituationFirst(language)].join(' '), intent: name, quickReplies: QUICK.examples(language) };
    }
    if (session.municipality === null) {
      session.awaiting = 'MUNICIPALITY';
      return { ...plain, reply: [...prefix, TEXTS.askMunicipality(language)].join(' '), intent: name, quickReplies: [QUICK.skip(language)] };
    }
    if (session.age === null) {
      session.awaiting = 'AGE';
      return { ...plain, reply: [...prefix, TEXTS.askAge(language)].join(' '), intent: name, quickReplies: [QUICK.skip(language)] };
    }
    session.awaiting = null;
    const turn = await this.suggest(session, 'first', name);
    return { ...turn, reply: [...prefix, turn.reply].join(' ') };
  }

  /** Packages from the recommendation engine, through the router. */
  private async suggest(session: Session, mode: 'first' | 'more' | 'visit', intent: string): Promise<Omit<ChatTurn, 'sessionId' | 'language'>> {
    const language = session.language;
    const wanted = mode === 'more' ? session.shown + 2 : mode === 'visit' ? 5 : 2;
    const situation: Record<string, unknown> = {
      lifeEvents: session.lifeEvents,
      language,
      wellbeing: Object.fromEntries(session.needs.filter(isMeter).map((need) => [meterOf(need), 2])),
      ...(session.situationText ? { text: session.situationText } : {}),
    };
    if (session.municipality && session.municipality !== SKIPPED) situation.municipality = session.municipality;
    if (typeof session.age === 'number') situation.age = session.age;
    let result: Awaited<ReturnType<RouterPost>>;
    try {
      result = await this.router(RECOMMEND, { situation, first: Math.min(wanted, 10) });
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'the router did not answer the recommendation request');
      return { services: [], packages: [], crisis: false, reply: TEXTS.networkDown(language), intent, quickReplies: [QUICK.more(language)] };
    }
    const packages = (result.data?.recommendServicePackages ?? []) as {
      title: string;
      explanation: string;
      items: { service: { id: string }; placeToVisit: { municipalityCode: string | null; nearness: Nearness } | null }[];
    }[];
    if (packages.length === 0 && result.errors?.some((error) => error.extensions?.code === 'NOT_READY')) {
      return { services: [], packages: [], crisis: false, reply: TEXTS.starting(language), intent, quickReplies: [QUICK.more(language)] };
    }
    if (result.errors?.length && packages.length === 0) {
      this.logger.warn({ errors: result.errors.map((error) => error.message) }, 'the recommendation request failed');
      return { services: [], packages: [], crisis: false, reply: TEXTS.networkDown(language), intent, quickReplies: [QUICK.more(language)] };
    }
    const quickReplies = [QUICK.more(language), QUICK.visit(language), QUICK.restart(language)];
    const ref = (id: string) => ({ __typename: 'Service' as const, id });
    if (mode === 'visit') {
      // Only what the addresses show: places in the person's municipality, else the nearest ones, named with where they are.
      const items = packages.flatMap((pack) => pack.items).filter((item) => item.placeToVisit);
      const local = items.filter((item) => item.placeToVisit?.nearness === 'YOUR_MUNICIPALITY');
      const municipality = session.municipality && session.municipality !== SKIPPED ? session.municipality : null;
      if (local.length > 0 || !municipality) {
        const places = unique((municipality ? local : items).map((item) => item.service.id));
        return {
          packages: [],
          services: places.slice(0, 6).map(ref),
          crisis: false,
          reply: TEXTS.visit(places.length, municipality, language),
          intent,
          quickReplies,
        };
      }
      const nearest = [...items].sort(
        (a, b) => NEARNESS.indexOf(a.placeToVisit?.nearness as Nearness) - NEARNESS.indexOf(b.placeToVisit?.nearness as Nearness),
      );
      const places = unique(nearest.map((item) => item.service.id)).slice(0, 6);
      const where = unique(nearest.map((item) => item.placeToVisit?.municipalityCode).filter((code): code is string => !!code)).slice(0, 3);
      const reply = where.length > 0 ? TEXTS.visitElsewhere(municipality, where, language) : TEXTS.visit(places.length, null, language);
      return { packages: [], services: places.map(ref), crisis: false, reply, intent, quickReplies };
    }
    const fresh = mode === 'more' ? packages.slice(session.shown) : packages;
    session.shown = packages.length;
    if (fresh.length === 0)
      return { services: [], packages: [], crisis: false, reply: TEXTS.nothingFound(language), intent, quickReplies: QUICK.examples(language) };
    const chatPackages = fresh.map((pack) => ({ title: pack.title, explanation: pack.explanation, services: pack.items.map((item) => ref(item.service.id)) }));
    const municipality = session.municipality && session.municipality !== SKIPPED ? session.municipality : null;
    return {
      packages: chatPackages,
      services: unique(chatPackages.flatMap((pack) => pack.services.map((service) => service.id))).map(ref),
      crisis: false,
      reply: TEXTS.packages(
        fresh.map((pack) => pack.title),
        municipality,
        language,
      ),
      intent,
      quickReplies,
    };
  }

  async session(sessionId: string, pseudonym: string | null): Promise<Session | null> {
    return this.find(sessionId, pseudonym);
  }

  async deleteSession(sessionId: string, pseudonym: string | null): Promise<boolean> {
    const session = await this.find(sessionId, pseudonym);
    if (!session) return false;
    await this.transfers.deleteMany({ sessionId });
    return (await this.sessions.deleteOne({ _id: sessionId })).deletedCount === 1;
  }

  /** A session is found by its id, and only by the identity that started it (if one did). */
  private async find(sessionId: string, pseudonym: string | null): Promise<Session | null> {
    if (sessionId.length > 100) return null;
    const session = await this.sessions.findOne({ _id: sessionId });
    if (!session || (session.pseudonym && session.pseudonym !== pseudonym)) return null;
    return session;
  }

  async startTransfer(sessionId: string, recipient: string, attributes: TransferAttribute[], pseudonym: string | null) {
    const session = await this.find(sessionId, pseudonym);
    if (!session)
      throw codedError(ErrorCode.NOT_FOUND, 'There is no such conversation; a transfer starts from a conversation you have had.', {
        argumentName: 'sessionId',
      });
    const chosen = [...new Set(attributes)];
    if (chosen.length === 0)
      throw badUserInput('attributes must name at least one attribute to hand over (AGE, MUNICIPALITY, LIFE_EVENTS, NEEDS, LANGUAGE).', 'attributes');
    if (!recipient.trim() || recipient.length > 100) throw badUserInput('recipient must be the id of the receiving organisation.', 'recipient');
    const all: TransferValues = {
      AGE: typeof session.age === 'number' ? session.age : null,
      MUNICIPALITY: session.municipality && session.municipality !== SKIPPED ? session.municipality : null,
      LIFE_EVENTS: session.lifeEvents,
      NEEDS: session.needs,
      LANGUAGE: session.language,
    };
    // Only what was consented to is kept for the receiver; the rest never leaves the session.
    const values: Partial<TransferValues> = {};
    for (const attribute of chosen) Object.assign(values, { [attribute]: all[attribute] });
    const code = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + TRANSFER_MINUTES * 60_000).toISOString();
    await this.transfers.insertOne({
      _id: hashOf(code),
      sessionId,
      pseudonym: session.pseudonym,
      recipient,
      attributes: chosen,
      values,
      expiresAt,
      redeemedAt: null,
    });
    return { code, expiresAt, attributes: chosen, recipient };
  }

  /** Hands over the consented attributes once, to the recipient organisation only. */
  async redeemTransfer(code: string, organisation: string) {
    const id = hashOf(code);
    const transfer = await this.transfers.findOne({ _id: id });
    const now = new Date().toISOString();
    if (!transfer || transfer.expiresAt <= now)
      throw codedError(ErrorCode.NOT_FOUND, 'This transfer code is unknown or has expired; ask the person to start the transfer again.');
    if (transfer.recipient !== organisation) throw codedError(ErrorCode.FORBIDDEN, 'This transfer code was made for another organisation.');
    // Atomic: of two redemptions at once, one wins.
    const claimed = await this.transfers.updateOne({ _id: id, redeemedAt: null }, { $set: { redeemedAt: now, values: null } });
    if (claimed.modifiedCount !== 1) throw codedError(ErrorCode.NOT_FOUND, 'This transfer code has already been used; a code hands over the attributes once.');
    const values = transfer.values ?? {};
    return {
      attributes: transfer.attributes,
      age: values.AGE ?? null,
      municipality: values.MUNICIPALITY ?? null,
      lifeEvents: values.LIFE_EVENTS ?? null,
      needs: values.NEEDS ?? null,
      language: values.LANGUAGE ?? null,
    };
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

function newSession(pseudonym: string | null, language: Language): Session {
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

/** The recommendation engine reads at most this much of what the person said of their situation. */
const SITUATION_TEXT_LIMIT = 500;

const hasSituation = (session: Session) => session.lifeEvents.length > 0 || session.needs.length > 0;
const unique = (ids: string[]) => [...new Set(ids)];
const hashOf = (code: string) => createHash('sha256').update(code).digest('base64url');

/** The language of a first message: the one with most stop words, then most known intent words; Finnish by default. */
export function guessLanguage(text: string, classifier: IntentClassifier): Language {
  if (/[åÅ]/.test(text)) return 'SV';
  const words = tokenize(text.toLowerCase());
  let best: Language = 'FI';
  let bestScore = 0;
  for (const language of ['FI', 'SV', 'EN'] as const) {
    const code = language.toLowerCase() as TextLanguage;
    const stopwords = words.filter((word) => isStopword(word, code)).length;
    const score = stopwords + classifier.known(text, code) + (code === 'fi' && /[äö]|aa|uu|ii|yy/.test(text.toLowerCase()) ? 0.5 : 0);
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}
