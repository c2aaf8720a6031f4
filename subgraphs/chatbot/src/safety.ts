import type { Language } from '@aurora/subgraph-kit';

/**
 * Words that express a crisis or thoughts of self-harm, in any of the three languages. Checked on
 * every message before anything else, whatever the dialogue's state and whatever the classifier
 * says: a false alarm costs one extra line, a missed one can cost a life.
 */
const CRISIS = [
  // Finnish
  /itsemurh/,
  /tapa[an]? itseni/,
  /tappaa itseni/,
  /tapan itseni/,
  /haluan kuolla/,
  /en halua (enää )?elää/,
  /en jaksa (enää )?elää/,
  /satuttaa itseäni/,
  /satutan itseäni/,
  /vahingoitta\w* itse/,
  /viiltelen/,
  /viillellä/,
  /lopettaa kaiken/,
  /päättää päiväni/,
  /elämä ei ole elämisen arvoi/,
  // Swedish
  /självmord/,
  /ta livet av mig/,
  /tar livet av mig/,
  /vill dö/,
  /vill inte leva/,
  /orkar inte leva/,
  /skada mig själv/,
  /skadar mig själv/,
  /göra slut på allt/,
  // English
  /suicid/,
  /kill(ing)? myself/,
  /want to die/,
  /wanna die/,
  /(don'?t|do not) want to live/,
  /hurt(ing)? myself/,
  /self[- ]harm/,
  /end (it all|my life)/,
  /can'?t go on living/,
  /not worth living/,
];

export function expressesCrisis(text: string): boolean {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  return CRISIS.some((pattern) => pattern.test(lower));
}

export const CRISIS_LINE = '09 2525 0111';
export const EMERGENCY_NUMBER = '112';

const CRISIS_REPLY: Record<Language, string> = {
  FI: `Kiitos, että kerroit. Et ole yksin. Jos olet välittömässä vaarassa, soita hätänumeroon ${EMERGENCY_NUMBER}. Voit puhua jonkun kanssa heti MIELI ry:n Kriisipuhelimessa numerossa ${CRISIS_LINE}.`,
  SV: `Tack för att du berättade. Du är inte ensam. Om du är i omedelbar fara, ring nödnumret ${EMERGENCY_NUMBER}. Du kan prata med någon genast vid MIELI rf:s kristelefon på numret ${CRISIS_LINE}.`,
  EN: `Thank you for telling me. You are not alone. If you are in immediate danger, call the emergency number ${EMERGENCY_NUMBER}. You can talk to someone right away at the MIELI Crisis Helpline, ${CRISIS_LINE}.`,
};

export const crisisReply = (language: Language): string => CRISIS_REPLY[language];
