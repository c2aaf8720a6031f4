// The next step a person can take with a service, on every page that shows services: book a
// time, check whether they qualify, apply online, call, chat, visit. Every kind comes from the
// network's action contract (`Service.nextStep`, `Service.actions`); this module knows the kinds,
// never which organisation answers them.
import { el, graphql } from '/assets/aurora.js';

const WORDS = {
  FI: {
    freeTimes: 'Vapaat ajat',
    noTimes: 'Vapaita aikoja ei ole seuraavan kahden viikon aikana.',
    book: 'Varaa valittu aika',
    chooseTime: 'Valitse aika.',
    booked: (place, time) => `Aika varattu: ${place}, ${time}.`,
    taken: 'Joku ehti varata ajan juuri. Valitse toinen aika.',
    cancel: 'Peru varaus',
    cancelled: 'Varaus peruttu; aika on taas vapaa.',
    strongId: 'Vaatii vahvan tunnistautumisen.',
    opensNew: '(avautuu uuteen välilehteen)',
    consentNeeded: (attributes) => `Tarkistukseen tarvitaan tietosi: ${attributes}. Ne luetaan vain tätä tarkistusta varten eikä niitä tallenneta.`,
    allow: 'Salli tietojen käyttö tukikelpoisuuden tarkistukseen',
    age: 'Ikäsi',
    municipality: 'Kotikuntasi numero (esim. 491)',
    saveAndCheck: 'Tallenna ja tarkista',
    results: { LIKELY: 'Voit todennäköisesti saada tämän.', UNLIKELY: 'Et todennäköisesti voi saada tätä.', UNKNOWN: 'Tätä ei voi vielä arvioida.' },
    example: 'Esimerkkitieto',
    failed: 'Tämä ei onnistunut. Yritä uudelleen.',
    attributes: {
      AGE: 'ikä',
      MUNICIPALITY: 'kotikunta',
      LIFE_EVENTS: 'elämäntilanne',
      LANGUAGE: 'kieli',
      WELLBEING: 'hyvinvointi',
      INTERESTS: 'kiinnostuksen kohteet',
      NEEDS: 'tarpeet',
    },
    locale: 'fi-FI',
  },
  SV: {
    freeTimes: 'Lediga tider',
    noTimes: 'Det finns inga lediga tider under de kommande två veckorna.',
    book: 'Boka den valda tiden',
    chooseTime: 'Välj en tid.',
    booked: (place, time) => `Tiden är bokad: ${place}, ${time}.`,
    taken: 'Någon hann boka tiden nyss. Välj en annan tid.',
    cancel: 'Avboka',
    cancelled: 'Bokningen är avbokad; tiden är ledig igen.',
    strongId: 'Kräver stark autentisering.',
    opensNew: '(öppnas i en ny flik)',
    consentNeeded: (attributes) => `Kontrollen behöver dina uppgifter: ${attributes}. De läses bara för den här kontrollen och sparas inte.`,
    allow: 'Tillåt att uppgifterna används för att kontrollera rätt till förmåner',
    age: 'Din ålder',
    municipality: 'Din hemkommuns nummer (t.ex. 491)',
    saveAndCheck: 'Spara och kontrollera',
    results: { LIKELY: 'Du kan sannolikt få detta.', UNLIKELY: 'Du kan sannolikt inte få detta.', UNKNOWN: 'Detta kan inte bedömas ännu.' },
    example: 'Exempeldata',
    failed: 'Det lyckades inte. Försök igen.',
    attributes: {
      AGE: 'ålder',
      MUNICIPALITY: 'hemkommun',
      LIFE_EVENTS: 'livssituation',
      LANGUAGE: 'språk',
      WELLBEING: 'välbefinnande',
      INTERESTS: 'intressen',
      NEEDS: 'behov',
    },
    locale: 'sv-FI',
  },
  EN: {
    freeTimes: 'Free times',
    noTimes: 'There are no free times in the next two weeks.',
    book: 'Book the chosen time',
    chooseTime: 'Choose a time.',
    booked: (place, time) => `Booked: ${place}, ${time}.`,
    taken: 'Someone booked that time a moment ago. Choose another time.',
    cancel: 'Cancel the booking',
    cancelled: 'The booking is cancelled; the time is free again.',
    strongId: 'Needs strong identification.',
    opensNew: '(opens in a new tab)',
    consentNeeded: (attributes) => `The check needs your ${attributes}. They are read for this check only and not stored.`,
    allow: 'Allow them to be used for eligibility checks',
    age: 'Your age',
    municipality: 'Your home municipality number (such as 491)',
    saveAndCheck: 'Save and check',
    results: { LIKELY: 'You are likely to qualify.', UNLIKELY: 'You are unlikely to qualify.', UNKNOWN: 'This cannot be estimated yet.' },
    example: 'Example data',
    failed: 'That did not work. Please try again.',
    attributes: {
      AGE: 'age',
      MUNICIPALITY: 'home municipality',
      LIFE_EVENTS: 'life situation',
      LANGUAGE: 'language',
      WELLBEING: 'wellbeing',
      INTERESTS: 'interests',
      NEEDS: 'needs',
    },
    locale: 'en-GB',
  },
};

let panels = 0;
const wordsOf = (language) => WORDS[language] ?? WORDS.FI;
const dayOf = (daysAhead) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

/** An attribute of the person (a consent's or a transfer's) in the page's language. */
export function attributeWord(name, language) {
  return wordsOf(language).attributes[name] ?? name.toLowerCase();
}

/** A time of the network (ISO 8601) as a person in Finland reads it, in the page's language. */
export function formatTime(iso, language) {
  return new Intl.DateTimeFormat(wordsOf(language).locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(iso));
}

const link = (href, text, language, className = 'button') =>
  el(
    'a',
    { href, class: className, target: '_blank', rel: 'noopener noreferrer' },
    text,
    el('span', { class: 'visually-hidden' }, ` ${wordsOf(language).opensNew}`),
  );

function bookingPanel(action, language, panel) {
  const words = wordsOf(language);
  const status = el('p', { role: 'status', class: 'action-status' });
  const place = action.title ?? '';
  async function showTimes(message = '') {
    const data = await graphql(
      'query($id: ID!, $from: String!, $to: String!) { serviceAction(id: $id) { ... on AppointmentBooking { freeTimes(from: $from, to: $to) { start } } } }',
      { id: action.id, from: dayOf(0), to: dayOf(14) },
    );
    const times = (data.serviceAction?.freeTimes ?? []).slice(0, 12);
    if (times.length === 0) {
      panel.replaceChildren(el('p', {}, words.noTimes));
      return;
    }
    const name = `time-${action.id}`;
    const form = el(
      'form',
      { class: 'booking' },
      el(
        'fieldset',
        {},
        el('legend', {}, `${words.freeTimes}: ${place}`),
        ...times.map((time, index) =>
          el('label', { class: 'time' }, el('input', { type: 'radio', name, value: time.start, checked: index === 0 }), formatTime(time.start, language)),
        ),
      ),
      el('button', { type: 'submit' }, words.book),
      status,
    );
    status.textContent = message;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector('input:checked')?.value;
      if (!chosen) {
        status.textContent = words.chooseTime;
        return;
      }
      void book(chosen);
    });
    panel.replaceChildren(form);
    form.querySelector('input')?.focus();
  }
  async function book(start) {
    try {
      const data = await graphql(
        'mutation($action: ID!, $start: String!) { bookAppointment(action: $action, start: $start) { id start } }',
        { action: action.id, start },
        { signedIn: true },
      );
      const appointment = data.bookAppointment;
      const done = el('p', { role: 'status', class: 'action-status confirmed' }, words.booked(place, formatTime(appointment.start, language)));
      const cancel = el('button', { type: 'button', class: 'secondary' }, words.cancel);
      cancel.addEventListener('click', async () => {
        await graphql('mutation($id: ID!) { cancelAppointment(id: $id) { status } }', { id: appointment.id }, { signedIn: true });
        await showTimes(words.cancelled);
      });
      panel.replaceChildren(done, cancel);
      cancel.focus();
    } catch (error) {
      if (error.extensions?.reason === 'SLOT_TAKEN') await showTimes(words.taken);
      else status.textContent = error.code === 'CONFLICT' || error.code === 'BAD_USER_INPUT' ? error.message : words.failed;
    }
  }
  return showTimes;
}

function eligibilityPanel(action, language, panel) {
  const words = wordsOf(language);
  const names = (attributes) => attributes.map((name) => attributeWord(name, language)).join(', ');
  async function check() {
    const { data, errors } = await graphql(
      `query($check: ID!) { me { eligibility(check: $check) { result reasons(language: ${language}) missing exampleRules } } }`,
      { check: action.id },
      { signedIn: true, partial: true },
    );
    const answer = data?.me?.eligibility;
    const refused = errors.find((error) => error.extensions?.code === 'CONSENT_REQUIRED');
    if (refused) {
      const attributes = refused.extensions.attributes ?? [];
      const allow = el('button', { type: 'button' }, words.allow);
      allow.addEventListener('click', async () => {
        await graphql(
          'mutation($attributes: [AttributeName!]!) { grantConsent(purpose: ELIGIBILITY, attributes: $attributes) { handle } }',
          { attributes },
          { signedIn: true },
        );
        await check();
      });
      panel.replaceChildren(el('p', {}, words.consentNeeded(names(attributes))), allow);
      allow.focus();
      return;
    }
    if (!answer) {
      panel.replaceChildren(el('p', { role: 'status' }, errors[0]?.message ?? words.failed));
      return;
    }
    const parts = [
      el('p', { class: `eligibility ${answer.result.toLowerCase()}`, role: 'status' }, el('strong', {}, words.results[answer.result])),
      el('ul', {}, ...answer.reasons.map((reason) => el('li', {}, reason))),
    ];
    const missing = answer.missing.filter((name) => name === 'AGE' || name === 'MUNICIPALITY');
    if (missing.length > 0) {
      const inputs = missing.map((name) => {
        const id = `${name.toLowerCase()}-${panel.id}`;
        return el(
          'p',
          {},
          el('label', { for: id }, name === 'AGE' ? words.age : words.municipality),
          el(
            'input',
            name === 'AGE' ? { id, name, type: 'number', min: 0, max: 130, required: true } : { id, name, type: 'text', pattern: '[0-9]{3}', required: true },
          ),
        );
      });
      const form = el('form', { class: 'missing' }, ...inputs, el('button', { type: 'submit' }, words.saveAndCheck));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const input = {};
        for (const name of missing) {
          const value = form.querySelector(`[name="${name}"]`).value.trim();
          if (name === 'AGE') input.age = Number(value);
          else input.municipality = value;
        }
        await graphql('mutation($input: AttributesInput!) { updateMyAttributes(input: $input) { handle } }', { input }, { signedIn: true });
        await check();
      });
      parts.push(form);
    }
    panel.replaceChildren(...parts);
    const next = panel.querySelector('input') ?? parts[0];
    if (next === parts[0]) next.setAttribute('tabindex', '-1');
    next.focus();
  }
  return check;
}

/**
 * A service's next step as a block for its card: a link where the step is one (apply online,
 * call, chat, the organisation's own page), or a button that opens the step in place (book a
 * time, check eligibility). Null when the service has none.
 */
export function nextStepBlock(action, language) {
  if (!action) return null;
  const words = wordsOf(language);
  const note = action.exampleData ? el('span', { class: 'example' }, ` (${words.example})`) : null;
  if (action.kind === 'APPLY_ONLINE')
    return el(
      'div',
      { class: 'next-step' },
      link(action.url, action.label, language),
      action.requiresStrongIdentification ? el('p', { class: 'note' }, words.strongId) : null,
    );
  if (action.kind === 'CONTACT') {
    if (action.method === 'PHONE' && action.phoneNumbers?.[0]) {
      const number = action.phoneNumbers[0].number;
      return el('div', { class: 'next-step' }, el('a', { class: 'button', href: `tel:${number.replace(/[^+\d]/g, '')}` }, `${action.label} ${number}`));
    }
    if (action.method === 'CHAT' && action.url) return el('div', { class: 'next-step' }, link(action.url, action.label, language));
    const address = action.address
      ? [action.address.street, [action.address.postalCode, action.address.postOffice].filter(Boolean).join(' ')].filter(Boolean).join(', ')
      : '';
    return el('div', { class: 'next-step' }, el('p', {}, el('strong', {}, `${action.label}: `), [action.title, address].filter(Boolean).join(', ')));
  }
  if (action.kind === 'OTHER')
    return el(
      'div',
      { class: 'next-step' },
      action.url ? link(action.url, action.label, language) : el('p', {}, el('strong', {}, action.label), action.description ? ` ${action.description}` : ''),
    );
  // Booking and eligibility open in place, below their button.
  panels += 1;
  const panel = el('div', { id: `next-step-${panels}`, class: 'action-panel', hidden: true });
  const button = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': panel.id }, action.label);
  const open = action.kind === 'BOOK_APPOINTMENT' ? bookingPanel(action, language, panel) : eligibilityPanel(action, language, panel);
  button.addEventListener('click', async () => {
    const opening = panel.hidden;
    panel.hidden = !opening;
    button.setAttribute('aria-expanded', String(opening));
    if (!opening) return;
    try {
      await open();
    } catch {
      panel.replaceChildren(el('p', { role: 'status' }, words.failed));
    }
  });
  return el('div', { class: 'next-step' }, button, note, panel);
}
