import { nextStepBlock } from '/assets/actions.js';
import { applyHeaderTexts, el, forgetIdentity, graphql, pageLanguage, SERVICE_FIELDS, serviceCard } from '/assets/aurora.js';

const UI = {
  FI: {
    title: 'Aurora-chat',
    language: 'Kieli',
    intro: 'Kerro tilanteestasi, niin etsin sinulle sopivia palveluja. Älä kirjoita nimeäsi tai henkilötunnustasi.',
    message: 'Viesti',
    send: 'Lähetä',
    services: 'Palvelut',
    forget: 'Poista keskustelu',
    forgotten: 'Keskustelu poistettu.',
    you: 'Sinä',
    bot: 'Aurora',
    skip: 'Siirry viestikenttään',
    quick: 'Pikavastaukset',
    error: 'Viestin lähetys ei onnistunut. Yritä uudelleen.',
    conversation: 'Keskustelu',
    package: 'Palvelukokonaisuus',
  },
  SV: {
    title: 'Aurora-chatt',
    language: 'Språk',
    intro: 'Berätta om din situation, så söker jag tjänster som passar dig. Skriv inte ditt namn eller din personbeteckning.',
    message: 'Meddelande',
    send: 'Skicka',
    services: 'Tjänster',
    forget: 'Radera samtalet',
    forgotten: 'Samtalet har raderats.',
    you: 'Du',
    bot: 'Aurora',
    skip: 'Gå till meddelandefältet',
    quick: 'Snabbsvar',
    error: 'Meddelandet kunde inte skickas. Försök igen.',
    conversation: 'Samtal',
    package: 'Tjänstepaket',
  },
  EN: {
    title: 'Aurora chat',
    language: 'Language',
    intro: 'Tell me about your situation and I will look for services that fit you. Do not write your name or personal identity code.',
    message: 'Message',
    send: 'Send',
    services: 'Services',
    forget: 'Delete the conversation',
    forgotten: 'The conversation was deleted.',
    you: 'You',
    bot: 'Aurora',
    skip: 'Skip to the message field',
    quick: 'Quick replies',
    error: 'The message could not be sent. Please try again.',
    conversation: 'Conversation',
    package: 'Service package',
  },
};

const CHAT = `mutation Chat($sessionId: ID, $message: String!, $language: Language) {
  chat(sessionId: $sessionId, message: $message, language: $language) {
    sessionId reply crisis intent quickReplies language
    packages { title explanation services { id } }
    services { SERVICE }
  }
}`;

let language = pageLanguage();
/** The last turn's packages and services, so that a change of language shows them again in the new one. */
let lastTurn = null;
let sessionId = sessionStorage.getItem('aurora.chat.session');
const $ = (id) => document.getElementById(id);

function applyLanguage() {
  const ui = UI[language];
  applyHeaderTexts(language, ui);
  $('intro').textContent = ui.intro;
  $('message-label').textContent = ui.message;
  $('send').textContent = ui.send;
  $('results-title').textContent = ui.services;
  $('forget').textContent = ui.forget;
  $('quick-replies').setAttribute('aria-label', ui.quick);
  $('conversation-title').textContent = ui.conversation;
}

function say(author, text, crisis = false) {
  const ui = UI[language];
  $('log').append(el('li', { class: `${author}${crisis ? ' crisis' : ''}` }, el('span', { class: 'who' }, author === 'person' ? ui.you : ui.bot), text));
}

function showQuickReplies(replies) {
  $('quick-replies').replaceChildren(...replies.map((reply) => el('button', { type: 'button', class: 'secondary', onclick: () => send(reply) }, reply)));
}

/** A service's card with the next step a person can take with it (book, check, apply, call). */
const card = (service) => serviceCard(service, language, [nextStepBlock(service.nextStep, language)]);

function showResults(turn) {
  const byId = new Map(turn.services.map((service) => [service.id, service]));
  const blocks = [];
  if (turn.packages.length > 0) {
    for (const pack of turn.packages) {
      blocks.push(
        el(
          'section',
          { class: 'package', 'aria-label': `${UI[language].package}: ${pack.title}` },
          el('h3', {}, pack.title),
          el('p', {}, pack.explanation),
          ...pack.services
            .map((ref) => byId.get(ref.id))
            .filter(Boolean)
            .map((service) => card(service)),
        ),
      );
    }
  } else if (turn.services.length > 0) {
    blocks.push(...turn.services.map((service) => card(service)));
  }
  if (blocks.length > 0) $('results').replaceChildren(...blocks);
}

async function send(text) {
  const message = text.trim();
  if (!message) return;
  say('person', message);
  $('message').value = '';
  $('send').disabled = true;
  try {
    const data = await graphql(CHAT.replace('SERVICE', SERVICE_FIELDS(language)), { sessionId, message, language }, { signedIn: true });
    const turn = data.chat;
    sessionId = turn.sessionId;
    sessionStorage.setItem('aurora.chat.session', sessionId);
    say('bot', turn.reply, turn.crisis);
    showQuickReplies(turn.quickReplies);
    if (turn.services.length > 0) lastTurn = turn;
    showResults(turn);
  } catch (error) {
    say('bot', error.code === 'BAD_USER_INPUT' ? error.message : UI[language].error);
  } finally {
    $('send').disabled = false;
    $('message').focus();
  }
}

async function forget() {
  if (sessionId) await graphql('mutation($id: ID!) { deleteChatSession(sessionId: $id) }', { id: sessionId }, { signedIn: true }).catch(() => null);
  sessionStorage.removeItem('aurora.chat.session');
  sessionId = null;
  forgetIdentity();
  $('log').replaceChildren();
  $('results').replaceChildren();
  $('quick-replies').replaceChildren();
  lastTurn = null;
  say('bot', UI[language].forgotten);
}

$('form').addEventListener('submit', (event) => {
  event.preventDefault();
  void send($('message').value);
});
/** The services of the last turn again, in the page's new language (the packages' own texts stay as the conversation said them). */
async function showResultsAgain() {
  if (!lastTurn) return;
  const ids = lastTurn.services.map((service) => service.id);
  const query = `query(${ids.map((_, index) => `$s${index}: ID!`).join(', ')}) { ${ids
    .map((_, index) => `s${index}: service(id: $s${index}) { ${SERVICE_FIELDS(language)} }`)
    .join(' ')} }`;
  const data = await graphql(query, Object.fromEntries(ids.map((id, index) => [`s${index}`, id])));
  const services = ids.map((_, index) => data[`s${index}`]).filter(Boolean);
  lastTurn = { ...lastTurn, services };
  showResults(lastTurn);
}

$('language').addEventListener('change', (event) => {
  language = event.target.value;
  applyLanguage();
  void showResultsAgain().catch(() => undefined);
});
$('forget').addEventListener('click', () => void forget());
applyLanguage();
