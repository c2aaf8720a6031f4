import { DIMENSIONS, type Dimension, meterOf } from '@aurora/code-lists';
import type { DocumentStore } from '@aurora/store';
import { badUserInput, codedError, ErrorCode, type Language, type Logger } from '@aurora/subgraph-kit';
import type { TextLanguage } from '@aurora/text-analysis';
import { findAge, findMunicipality } from './entities';
import { IntentClassifier, type Intent } from './intents';
import { guessLanguage } from './language';
import { askForPackages, NEARNESS, type Nearness, type RouterPost } from './network';
import { crisisReply, expressesCrisis } from './safety';
import { Conversations, KEEP_MESSAGES, municipalityOf, newSession, type Session, SKIPPED } from './sessions';
import { isRestart, isSkip, QUICK, TEXTS } from './texts';
import { type Transfer, type TransferAttribute, Transfers } from './transfers';

export type { TransferAttribute } from './transfers';

export const MAX_MESSAGE = 2000;
const CRISIS_CONFIDENCE = 0.5;
const isMeter = (intent: string): intent is Dimension => (DIMENSIONS as readonly string[]).includes(intent);

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

/**
 * The conversation: safety first, then what the message is about (the trained classifier) and
 * what it names (municipality, age), then one question at a time until the situation,
 * municipality and age are known or skipped, then packages from the recommendation engine
 * through the router.
 */
export class Dialogue {
  private readonly conversations: Conversations;
  private readonly transfers: Transfers;

  constructor(
    store: DocumentStore,
    private readonly router: RouterPost,
    private readonly logger: Logger,
    private readonly classifier = new IntentClassifier(),
  ) {
    this.conversations = new Conversations(store);
    this.transfers = new Transfers(store.collection<Transfer>('transfers'));
  }

  async chat(input: { sessionId?: string | null; message: string; language?: Language | null }, pseudonym: string | null): Promise<ChatTurn> {
    const message = (input.message ?? '').trim();
    if (message.length === 0) throw badUserInput('message must not be empty; write what you need help with.', 'message');
    if (message.length > MAX_MESSAGE)
      throw badUserInput(`message may be at most ${MAX_MESSAGE} characters; it was ${message.length}. Send a shorter message.`, 'message');

    let session = input.sessionId ? await this.conversations.find(input.sessionId, pseudonym) : null;
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
    await this.conversations.save(session);
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
    const known = municipalityOf(session);
    if (known) situation.municipality = known;
    if (typeof session.age === 'number') situation.age = session.age;
    const answer = await askForPackages(this.router, this.logger, situation, Math.min(wanted, 10));
    if (answer.kind === 'starting')
      return { services: [], packages: [], crisis: false, reply: TEXTS.starting(language), intent, quickReplies: [QUICK.more(language)] };
    if (answer.kind === 'unavailable')
      return { services: [], packages: [], crisis: false, reply: TEXTS.networkDown(language), intent, quickReplies: [QUICK.more(language)] };
    const { packages } = answer;
    const quickReplies = [QUICK.more(language), QUICK.visit(language), QUICK.restart(language)];
    const ref = (id: string) => ({ __typename: 'Service' as const, id });
    if (mode === 'visit') {
      // Only what the addresses show: places in the person's municipality, else the nearest ones, named with where they are.
      const items = packages.flatMap((pack) => pack.items).filter((item) => item.placeToVisit);
      const local = items.filter((item) => item.placeToVisit?.nearness === 'YOUR_MUNICIPALITY');
      const municipality = municipalityOf(session);
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
    const municipality = municipalityOf(session);
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
    return this.conversations.find(sessionId, pseudonym);
  }

  async deleteSession(sessionId: string, pseudonym: string | null): Promise<boolean> {
    return this.conversations.delete(sessionId, pseudonym);
  }

  async startTransfer(sessionId: string | null | undefined, recipient: string, attributes: TransferAttribute[], pseudonym: string | null) {
    const session = sessionId ? await this.conversations.find(sessionId, pseudonym) : pseudonym ? await this.conversations.latestOf(pseudonym) : null;
    if (!session)
      throw codedError(ErrorCode.NOT_FOUND, 'There is no such conversation; a transfer starts from a conversation you have had.', {
        argumentName: 'sessionId',
      });
    return this.transfers.start(session, recipient, attributes);
  }

  /** Hands over the consented attributes once, to the recipient organisation only. */
  async redeemTransfer(code: string, organisation: string) {
    return this.transfers.redeem(code, organisation);
  }

  async exportPerson(pseudonym: string) {
    return this.conversations.exportPerson(pseudonym);
  }

  async deletePerson(pseudonym: string): Promise<number> {
    return this.conversations.deletePerson(pseudonym);
  }

  /** Forgets conversations nobody has touched for `days` (default 30): the chatbot keeps nothing longer than it helps. */
  async forgetOlderThan(days = 30): Promise<number> {
    return this.conversations.forgetOlderThan(days);
  }
}

/** The recommendation engine reads at most this much of what the person said of their situation. */
const SITUATION_TEXT_LIMIT = 500;

const hasSituation = (session: Session) => session.lifeEvents.length > 0 || session.needs.length > 0;
const unique = (ids: string[]) => [...new Set(ids)];
