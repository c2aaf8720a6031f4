import { createEmbeddedStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import { Dialogue } from '../dialogue';
import { guessLanguage } from '../language';
import type { RouterPost } from '../network';
import { findAge, findMunicipality } from '../entities';
import { IntentClassifier } from '../intents';
import { expressesCrisis } from '../safety';

const classifier = new IntentClassifier();

describe('understanding a message', () => {
  it.each([
    ['fi', 'jäin juuri työttömäksi', 'KE8'],
    ['sv', 'jag har skulder som växer', 'KE9'],
    ['en', 'i feel so lonely', 'FRIENDS'],
    ['en', 'where can i go in person', 'visit'],
  ] as const)('classifies "%s: %s" as %s', (language, text, intent) => {
    expect(classifier.classify(text, language)?.name).toBe(intent);
  });

  it('says nothing rather than guess when no word is known', () => {
    expect(classifier.classify('qwxz zzyx', 'fi')).toBeNull();
  });

  it.each([
    ['Asun Mikkelissä', '491'],
    ['muutin Turkuun viime vuonna', '853'],
    ['jag bor i Åbo', '853'],
    ['Helsingissä', '091'],
    ['from Seinäjoki', '743'],
    ['Tampereella', '837'],
    ['ei kuntaa tässä', null],
  ])('finds the municipality in "%s"', (text, code) => {
    expect(findMunicipality(text)).toBe(code);
  });

  it('finds ages stated in any language, and a bare number only when asked', () => {
    expect(findAge('olen 17-vuotias')).toBe(17);
    expect(findAge('jag är 45 år')).toBe(45);
    expect(findAge("I'm 30")).toBe(30);
    expect(findAge('34')).toBeNull();
    expect(findAge('34', true)).toBe(34);
    expect(findAge('olen 300')).toBeNull();
  });

  it('recognises crisis wordings in three languages, and not ordinary sadness', () => {
    for (const text of ['En halua enää elää', 'ajattelen itsemurhaa', 'Jag vill ta livet av mig', 'I want to end my life', 'thinking about self-harm'])
      expect(expressesCrisis(text)).toBe(true);
    for (const text of ['Olen surullinen', 'I live in Tampere', 'jag bor i Åbo', 'my debts are killing my budget']) expect(expressesCrisis(text)).toBe(false);
  });

  it('guesses the language of a first message', () => {
    expect(guessLanguage('haluan tappaa itseni', classifier)).toBe('FI');
    expect(guessLanguage('jag är arbetslös', classifier)).toBe('SV');
    expect(guessLanguage('i lost my job', classifier)).toBe('EN');
  });
});

describe('the dialogue without the network', () => {
  it('remembers what it was told when the router is down, and says so', async () => {
    const down: RouterPost = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    const dialogue = new Dialogue(createEmbeddedStore(), down, createLogger('chatbot-test', 'silent'), classifier);
    const first = await dialogue.chat({ message: 'I lost my job', language: 'EN' }, null);
    await dialogue.chat({ sessionId: first.sessionId, message: 'Skip', language: 'EN' }, null);
    const third = await dialogue.chat({ sessionId: first.sessionId, message: 'Skip', language: 'EN' }, null);
    expect(third.reply).toContain('not answering right now');
    const session = await dialogue.session(first.sessionId, null);
    expect(session).toMatchObject({ lifeEvents: ['KE8'], municipality: 'SKIPPED', age: 'SKIPPED' });
    expect(session?.messages.map((message) => message.author)).toEqual(['PERSON', 'CHATBOT', 'PERSON', 'CHATBOT', 'PERSON', 'CHATBOT']);
  });

  it('says the search is still starting, never "nothing found", while the engine answers NOT_READY', async () => {
    const starting: RouterPost = async () => ({ data: null, errors: [{ message: 'still reading', extensions: { code: 'NOT_READY' } }] });
    const dialogue = new Dialogue(createEmbeddedStore(), starting, createLogger('chatbot-test', 'silent'), classifier);
    const first = await dialogue.chat({ message: 'I lost my job', language: 'EN' }, null);
    await dialogue.chat({ sessionId: first.sessionId, message: 'Skip', language: 'EN' }, null);
    const third = await dialogue.chat({ sessionId: first.sessionId, message: 'Skip', language: 'EN' }, null);
    expect(third.reply).toBe('The service search is still starting and reading the catalogue. Ask again in a few seconds; I remember what you told me.');
    expect(third.packages).toEqual([]);
  });

  it('keeps a conversation to the identity that started it', async () => {
    const dialogue = new Dialogue(
      createEmbeddedStore(),
      async () => ({ data: { recommendServicePackages: [] } }),
      createLogger('chatbot-test', 'silent'),
      classifier,
    );
    const mine = await dialogue.chat({ message: 'hei', language: 'FI' }, 'pseudonym-a');
    expect(await dialogue.session(mine.sessionId, 'pseudonym-b')).toBeNull();
    expect(await dialogue.session(mine.sessionId, 'pseudonym-a')).not.toBeNull();
    expect(await dialogue.deleteSession(mine.sessionId, 'pseudonym-b')).toBe(false);
    expect(await dialogue.deleteSession(mine.sessionId, 'pseudonym-a')).toBe(true);
  });
});
