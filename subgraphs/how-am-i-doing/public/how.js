import { attributeWord, formatTime, nextStepBlock } from '/assets/actions.js';
import { applyHeaderTexts, el, forgetIdentity, graphql, pageLanguage, SERVICE_FIELDS, serviceCard } from '/assets/aurora.js';

const UI = {
  FI: {
    title: 'Miten voin?',
    language: 'Kieli',
    skip: 'Siirry arvioon',
    intro:
      'Arvioi elämäsi kymmentä osa-aluetta asteikolla 0–10 (0 = huonoin, 10 = paras). Näet tilanteesi nyt ja aiempiin vastauksiisi verrattuna, mikä vaikuttaa mihinkin, ja palveluja, jotka voivat auttaa. Vastauksesi tallentuvat vain tähän palveluun nimettömänä.',
    rate: 'Arvioi tilanteesi',
    save: 'Tallenna ja näytä',
    saved: 'Tallennettu.',
    failed: 'Tallennus ei onnistunut. Yritä uudelleen.',
    picture: 'Tilanteesi',
    now: 'Nyt',
    before: 'Edellinen vastaus',
    history: 'Kaikki vastauksesi',
    date: 'Päivä',
    effects: 'Mikä vaikuttaa mihinkin',
    effectsIntro: 'Jos jokin näistä muuttuu, nämä voivat seurata. Tutkimukset kertovat keskimääräisistä yhteyksistä, eivät siitä mitä juuri sinulle tapahtuu.',
    source: 'Lähde',
    services: 'Palveluja, jotka voivat auttaa',
    forMeter: 'Osa-alueeseen',
    none: 'Kaikki osa-alueet ovat hyvällä tasolla – hienoa! Voit silti etsiä palveluja chatista.',
    data: 'Tietosi',
    dataIntro: 'Voit ladata kaiken, mitä verkosto sinusta tietää, tai poistaa sen kaikista palveluista.',
    export: 'Lataa tietoni',
    delete: 'Poista tietoni',
    deleted: 'Tietosi on poistettu kaikista palveluista.',
    deletePending: 'Poisto on käynnissä; osa palveluista vahvistaa sen myöhemmin.',
    confirm: 'Poistetaanko kaikki tietosi kaikista verkoston palveluista?',
    show: 'Näytä tietoni',
    holders: 'Missä tietojasi on',
    nothingHeld: 'Verkostossa ei ole sinusta tietoja.',
    consents: 'Suostumuksesi',
    noConsents: 'Et ole antanut suostumuksia.',
    revoke: 'Peru suostumus',
    revoked: 'Suostumus peruttu.',
    bookings: 'Varauksesi',
    noBookings: 'Sinulla ei ole varauksia.',
    cancelBooking: 'Peru varaus',
    bookingCancelled: 'Varaus peruttu.',
    transfer: 'Siirry toiseen palveluun',
    transferIntro:
      'Tee kertakäyttöinen koodi, jolla toinen palvelu saa valitsemasi tiedot viimeisimmästä chat-keskustelustasi. Koodi on voimassa 10 minuuttia.',
    recipient: 'Vastaanottava palveluntuottaja',
    recipientHelp: 'Organisaation tunnus; vastaanottava palvelu kertoo sen, ja ehdotuksina ovat sinulle näytettyjen palvelujen tuottajat.',
    share: 'Luovutettavat tiedot',
    makeCode: 'Tee koodi',
    code: (code, until) => `Koodisi: ${code} (voimassa klo ${until} asti)`,
    unavailable: 'ei vastannut',
    purposes: { RECOMMENDATION: 'Palvelusuositukset', SERVICE_TRANSFER: 'Siirto toiseen palveluun', ELIGIBILITY: 'Tukikelpoisuuden tarkistus' },
    records: {
      attributes: 'tietosi',
      consents: 'suostumukset',
      assessment: 'vastaukset',
      conversation: 'keskustelut',
      appointment: 'varaukset',
      feedback: 'palautteet',
    },
    subgraphs: { profile: 'Profiili', recommendation: 'Suositukset', chatbot: 'Chat', 'how-am-i-doing': 'Miten voin?', mikkeli: 'Mikkelin kaupunki' },
  },
  SV: {
    title: 'Hur mår jag?',
    language: 'Språk',
    skip: 'Gå till bedömningen',
    intro:
      'Bedöm livets tio delområden på en skala 0–10 (0 = sämst, 10 = bäst). Du ser din situation nu och jämfört med tidigare svar, vad som påverkar vad och tjänster som kan hjälpa. Dina svar sparas anonymt bara i den här tjänsten.',
    rate: 'Bedöm din situation',
    save: 'Spara och visa',
    saved: 'Sparat.',
    failed: 'Det gick inte att spara. Försök igen.',
    picture: 'Din situation',
    now: 'Nu',
    before: 'Förra svaret',
    history: 'Alla dina svar',
    date: 'Dag',
    effects: 'Vad påverkar vad',
    effectsIntro: 'Om något av detta förändras kan följande följa. Forskningen beskriver genomsnittliga samband, inte vad som händer just dig.',
    source: 'Källa',
    services: 'Tjänster som kan hjälpa',
    forMeter: 'För delområdet',
    none: 'Alla delområden är på en bra nivå – fint! Du kan ändå söka tjänster i chatten.',
    data: 'Dina uppgifter',
    dataIntro: 'Du kan ladda ner allt nätverket vet om dig eller radera det från alla tjänster.',
    export: 'Ladda ner mina uppgifter',
    delete: 'Radera mina uppgifter',
    deleted: 'Dina uppgifter har raderats från alla tjänster.',
    deletePending: 'Raderingen pågår; några tjänster bekräftar den senare.',
    confirm: 'Radera alla dina uppgifter från nätverkets alla tjänster?',
    show: 'Visa mina uppgifter',
    holders: 'Var dina uppgifter finns',
    nothingHeld: 'Nätverket har inga uppgifter om dig.',
    consents: 'Dina samtycken',
    noConsents: 'Du har inte gett några samtycken.',
    revoke: 'Återkalla samtycket',
    revoked: 'Samtycket har återkallats.',
    bookings: 'Dina bokningar',
    noBookings: 'Du har inga bokningar.',
    cancelBooking: 'Avboka',
    bookingCancelled: 'Bokningen är avbokad.',
    transfer: 'Gå vidare till en annan tjänst',
    transferIntro: 'Gör en engångskod med vilken en annan tjänst får de uppgifter du väljer från ditt senaste chattsamtal. Koden gäller i 10 minuter.',
    recipient: 'Mottagande anordnare',
    recipientHelp: 'Organisationens kod; den mottagande tjänsten meddelar den, och förslagen är anordnarna av tjänsterna som visats för dig.',
    share: 'Uppgifter som lämnas över',
    makeCode: 'Gör en kod',
    code: (code, until) => `Din kod: ${code} (gäller till kl. ${until})`,
    unavailable: 'svarade inte',
    purposes: { RECOMMENDATION: 'Tjänsterekommendationer', SERVICE_TRANSFER: 'Överföring till en annan tjänst', ELIGIBILITY: 'Kontroll av rätt till förmåner' },
    records: { attributes: 'dina uppgifter', consents: 'samtycken', assessment: 'svar', conversation: 'samtal', appointment: 'bokningar', feedback: 'respons' },
    subgraphs: { profile: 'Profil', recommendation: 'Rekommendationer', chatbot: 'Chatt', 'how-am-i-doing': 'Hur mår jag?', mikkeli: 'S:t Michels stad' },
  },
  EN: {
    title: 'How am I doing?',
    language: 'Language',
    skip: 'Skip to the assessment',
    intro:
      'Rate ten areas of your life from 0 to 10 (0 = worst, 10 = best). You see your situation now and against your earlier answers, what affects what, and services that can help. Your answers are kept anonymously in this service only.',
    rate: 'Rate your situation',
    save: 'Save and show',
    saved: 'Saved.',
    failed: 'Saving did not work. Please try again.',
    picture: 'Your situation',
    now: 'Now',
    before: 'Previous answer',
    history: 'All your answers',
    date: 'Date',
    effects: 'What affects what',
    effectsIntro: 'If one of these changes, these may follow. Research describes links on average, not what will happen to you.',
    source: 'Source',
    services: 'Services that can help',
    forMeter: 'For',
    none: 'Every area is at a good level – well done! You can still look for services in the chat.',
    data: 'Your data',
    dataIntro: 'You can download everything the network knows about you, or delete it from every service.',
    export: 'Download my data',
    delete: 'Delete my data',
    deleted: 'Your data was deleted from every service.',
    deletePending: 'Deletion is under way; some services will confirm it later.',
    confirm: 'Delete all your data from every service on the network?',
    show: 'Show my data',
    holders: 'Where your data is',
    nothingHeld: 'The network holds no data about you.',
    consents: 'Your consents',
    noConsents: 'You have not given any consents.',
    revoke: 'Withdraw consent',
    revoked: 'Consent withdrawn.',
    bookings: 'Your bookings',
    noBookings: 'You have no bookings.',
    cancelBooking: 'Cancel the booking',
    bookingCancelled: 'The booking is cancelled.',
    transfer: 'Move on to another service',
    transferIntro:
      'Make a one-time code with which another service receives the details you choose from your latest chat conversation. The code is valid for 10 minutes.',
    recipient: 'Receiving provider',
    recipientHelp: "The organisation's id; the receiving service tells you it, and the suggestions are the providers of the services you were shown.",
    share: 'Details to hand over',
    makeCode: 'Make a code',
    code: (code, until) => `Your code: ${code} (valid until ${until})`,
    unavailable: 'did not answer',
    purposes: { RECOMMENDATION: 'Service recommendations', SERVICE_TRANSFER: 'Handing over to another service', ELIGIBILITY: 'Eligibility checks' },
    records: {
      attributes: 'your details',
      consents: 'consents',
      assessment: 'answers',
      conversation: 'conversations',
      appointment: 'bookings',
      feedback: 'feedback',
    },
    subgraphs: { profile: 'Profile', recommendation: 'Recommendations', chatbot: 'Chat', 'how-am-i-doing': 'How am I doing?', mikkeli: 'City of Mikkeli' },
  },
};

const $ = (id) => document.getElementById(id);
let language = pageLanguage();
let meters = [];
let links = [];
let assessments = [];
/** Providers of the services shown, by id: who a transfer can go to. */
const providers = new Map();

async function loadTexts() {
  const data = await graphql(
    `query($language: Language) {
      wellbeingMeters(language: $language) { dimension inputField label explanation }
      wellbeingCausalModel(language: $language) { from { key dimension label } to { key dimension label } direction strength explanation source sourceUrl }
    }`,
    { language },
  );
  meters = data.wellbeingMeters;
  links = data.wellbeingCausalModel;
}

async function loadAnswers() {
  const data = await graphql('{ myWellbeingAssessments { recordedAt readings { dimension value } } }', {}, { signedIn: true });
  assessments = data.myWellbeingAssessments;
}

function latest(offset = 1) {
  const answer = assessments[assessments.length - offset];
  return answer ? Object.fromEntries(answer.readings.map((reading) => [reading.dimension, reading.value])) : null;
}

function renderForm() {
  const ui = UI[language];
  const current = latest() ?? {};
  $('rate-title').textContent = ui.rate;
  $('save').textContent = ui.save;
  $('meters').replaceChildren(
    ...meters.map((meter) => {
      const id = `meter-${meter.inputField}`;
      const value = current[meter.dimension] ?? 5;
      const output = el('output', { id: `${id}-value`, for: id }, String(value));
      const input = el('input', {
        id,
        name: meter.inputField,
        type: 'range',
        min: '0',
        max: '10',
        step: '1',
        value: String(value),
        'aria-describedby': `${id}-help`,
        'aria-valuetext': `${value} / 10`,
        oninput: (event) => {
          output.textContent = event.target.value;
          event.target.setAttribute('aria-valuetext', `${event.target.value} / 10`);
        },
      });
      return el(
        'div',
        { class: 'meter' },
        el('label', { for: id }, el('span', {}, meter.label), output),
        el('p', { id: `${id}-help` }, meter.explanation),
        input,
      );
    }),
  );
}

function renderChart() {
  const ui = UI[language];
  const now = latest();
  if (!now) return;
  const before = latest(2);
  const width = 420;
  const row = 44;
  // Each meter's name sits above its bars, so long names never run into them on a phone.
  const label = 4;
  const scale = (width - label - 40) / 10;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${meters.length * row + 10}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', 'chart-title chart-desc');
  const title = document.createElementNS(ns, 'title');
  title.id = 'chart-title';
  title.textContent = ui.picture;
  const desc = document.createElementNS(ns, 'desc');
  desc.id = 'chart-desc';
  desc.textContent = meters
    .map((meter) => `${meter.label}: ${ui.now} ${now[meter.dimension] ?? '–'}${before ? `, ${ui.before} ${before[meter.dimension] ?? '–'}` : ''}`)
    .join('; ');
  svg.append(title, desc);
  meters.forEach((meter, index) => {
    const y = index * row + 6;
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', '4');
    text.setAttribute('y', String(y + 12));
    text.textContent = meter.label;
    svg.append(text);
    const bar = (value, className, offset, height) => {
      if (value === undefined) return;
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('class', className);
      rect.setAttribute('x', String(label));
      rect.setAttribute('y', String(y + offset));
      rect.setAttribute('height', String(height));
      rect.setAttribute('width', String(Math.max(2, value * scale)));
      svg.append(rect);
    };
    if (before) bar(before[meter.dimension], 'before', 17, 8);
    bar(now[meter.dimension], 'now', before ? 27 : 19, 12);
    const value = document.createElementNS(ns, 'text');
    value.setAttribute('x', String(label + (now[meter.dimension] ?? 0) * scale + 6));
    value.setAttribute('y', String(y + 37));
    value.textContent = String(now[meter.dimension] ?? '–');
    svg.append(value);
  });
  const legend = el(
    'p',
    { class: 'legend', 'aria-hidden': 'true' },
    el('span', { class: 'now' }, ui.now),
    before ? el('span', { class: 'before' }, ui.before) : null,
  );
  $('chart').replaceChildren(el('div', { class: 'chart' }, svg), legend);
  $('picture-title').textContent = ui.picture;
  $('history-title').textContent = ui.history;
  const header = el('tr', {}, el('th', { scope: 'col' }, ui.date), ...meters.map((meter) => el('th', { scope: 'col' }, meter.label)));
  const rows = assessments.map((answer) => {
    const values = Object.fromEntries(answer.readings.map((reading) => [reading.dimension, reading.value]));
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, new Date(answer.recordedAt).toLocaleString(language.toLowerCase())),
      ...meters.map((meter) => el('td', {}, String(values[meter.dimension] ?? '–'))),
    );
  });
  $('history').replaceChildren(el('div', { class: 'scroll' }, el('table', {}, el('thead', {}, header), el('tbody', {}, ...rows))));
  $('picture').hidden = false;
}

function renderEffects() {
  const ui = UI[language];
  const now = latest() ?? {};
  $('effects-title').textContent = ui.effects;
  $('effects-intro').textContent = ui.effectsIntro;
  // Links that end in the person's weakest areas first.
  const weight = (link) => (link.to.dimension ? (now[link.to.dimension] ?? 10) : 10);
  const sorted = [...links].sort((a, b) => weight(a) - weight(b));
  $('links').replaceChildren(
    ...sorted.map((link) =>
      el(
        'li',
        {},
        link.explanation,
        el(
          'span',
          { class: 'source' },
          `${ui.source}: `,
          link.sourceUrl ? el('a', { href: link.sourceUrl, rel: 'noopener noreferrer', target: '_blank' }, link.source) : link.source,
        ),
      ),
    ),
  );
  $('effects').hidden = false;
}

async function renderServices() {
  const ui = UI[language];
  const now = latest();
  if (!now) return;
  $('services-title').textContent = ui.services;
  $('services').hidden = false;
  const low = meters
    .filter((meter) => (now[meter.dimension] ?? 10) <= 6)
    .sort((a, b) => now[a.dimension] - now[b.dimension])
    .slice(0, 3);
  if (low.length === 0) {
    $('packages').replaceChildren(el('p', {}, ui.none));
    return;
  }
  const blocks = await Promise.all(
    low.map(async (meter) => {
      const data = await graphql(
        `query($situation: SituationInput!) { recommendServicePackages(situation: $situation, first: 1) { title explanation items { service { ${SERVICE_FIELDS(language)} } } } }`,
        { situation: { wellbeing: { [meter.inputField]: now[meter.dimension] }, language } },
      ).catch(() => ({ recommendServicePackages: [] }));
      const pack = data.recommendServicePackages[0];
      return el(
        'section',
        { class: 'package', 'aria-label': `${ui.forMeter} ${meter.label}` },
        el('h3', {}, `${ui.forMeter}: ${meter.label} (${now[meter.dimension]}/10)`),
        pack ? el('p', {}, pack.explanation) : null,
        ...(pack?.items ?? []).map((item) => {
          if (item.service.provider?.id) providers.set(item.service.provider.id, item.service.provider.name);
          return serviceCard(item.service, language, [nextStepBlock(item.service.nextStep, language)]);
        }),
      );
    }),
  );
  $('packages').replaceChildren(...blocks);
}

async function save(event) {
  event.preventDefault();
  const ui = UI[language];
  const values = Object.fromEntries(meters.map((meter) => [meter.inputField, Number($(`meter-${meter.inputField}`).value)]));
  $('save').disabled = true;
  try {
    await graphql('mutation($meters: WellbeingInput!) { recordWellbeingAssessment(meters: $meters) { recordedAt } }', { meters: values }, { signedIn: true });
    await loadAnswers();
    $('status').textContent = ui.saved;
    renderChart();
    renderEffects();
    await renderServices();
  } catch {
    $('status').textContent = ui.failed;
  } finally {
    $('save').disabled = false;
  }
}

async function exportData() {
  const data = await graphql('mutation { exportMyData { exportedAt complete parts { subgraph status data } } }', {}, { signedIn: true });
  const blob = new Blob([JSON.stringify(data.exportMyData, null, 2)], { type: 'application/json' });
  const link = el('a', { href: URL.createObjectURL(blob), download: 'my-aurora-data.json' });
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * What one service holds, in a few words: the kinds of record and how many of each (timestamps
 * left out; a kind the page has no word for is shown by its name in the export).
 */
function summary(data) {
  const words = UI[language].records;
  const counts = new Map();
  for (const record of Array.isArray(data) ? data : [data])
    for (const [key, value] of Object.entries(record ?? {})) {
      if (key.endsWith('At') || value === null || (Array.isArray(value) && value.length === 0)) continue;
      counts.set(key, (counts.get(key) ?? 0) + (Array.isArray(value) ? value.length : 1));
    }
  return [...counts].map(([key, count]) => `${words[key] ?? key} (${count})`).join(', ');
}

function item(text, buttonText, onClick) {
  const button = el('button', { type: 'button', class: 'secondary' }, buttonText);
  button.addEventListener('click', onClick);
  return el('li', {}, text, button);
}

/** The data-management section: who holds what, consents with withdraw, bookings with cancel, and a transfer code. */
async function showData(message = '') {
  const ui = UI[language];
  const [exported, mine, bookings] = await Promise.all([
    graphql('mutation { exportMyData { complete parts { subgraph status data } } }', {}, { signedIn: true }),
    graphql('{ me { consents { purpose attributes } } }', {}, { signedIn: true }),
    graphql(`{ myMikkeliAppointments { id start action { title(language: ${language}) } } }`, {}, { signedIn: true }).catch(() => ({
      myMikkeliAppointments: [],
    })),
  ]);
  const holders = exported.exportMyData.parts
    .map((part) => ({ ...part, held: part.status === 'OK' ? summary(JSON.parse(part.data)) : ui.unavailable }))
    .filter((part) => part.held);
  const consents = mine.me?.consents ?? [];
  const appointments = bookings.myMikkeliAppointments ?? [];
  const names = (list) => list.map((name) => attributeWord(name, language)).join(', ');
  const transferForm = el(
    'form',
    { id: 'transfer-form' },
    el('p', {}, ui.transferIntro),
    el(
      'p',
      {},
      el('label', { for: 'recipient' }, ui.recipient),
      el('span', { id: 'recipient-help', class: 'note' }, ui.recipientHelp),
      el('input', {
        id: 'recipient',
        type: 'text',
        list: 'recipients',
        required: true,
        maxlength: 100,
        'aria-describedby': 'recipient-help',
        autocomplete: 'off',
      }),
      el('datalist', { id: 'recipients' }, ...[...providers].map(([id, name]) => el('option', { value: id }, name))),
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, ui.share),
      ...['AGE', 'MUNICIPALITY', 'LIFE_EVENTS', 'NEEDS', 'LANGUAGE'].map((name) =>
        el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'share', value: name }), attributeWord(name, language)),
      ),
    ),
    el('button', { type: 'submit' }, ui.makeCode),
    el('p', { id: 'transfer-status', role: 'status' }),
  );
  transferForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const attributes = [...transferForm.querySelectorAll('input[name="share"]:checked')].map((input) => input.value);
    try {
      const data = await graphql(
        'mutation($recipient: ID!, $attributes: [TransferAttribute!]!) { startTransfer(recipient: $recipient, attributes: $attributes) { code expiresAt } }',
        { recipient: $('recipient').value.trim(), attributes },
        { signedIn: true },
      );
      const until = new Intl.DateTimeFormat(language === 'EN' ? 'en-GB' : `${language.toLowerCase()}-FI`, {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Helsinki',
      }).format(new Date(data.startTransfer.expiresAt));
      $('transfer-status').textContent = ui.code(data.startTransfer.code, until);
    } catch (error) {
      $('transfer-status').textContent = error.message;
    }
  });
  $('manage').replaceChildren(
    el('p', { id: 'manage-status', role: 'status' }, message),
    el('h3', {}, ui.holders),
    holders.length > 0
      ? el(
          'ul',
          { class: 'data-list', id: 'holders' },
          ...holders.map((part) => el('li', {}, el('strong', {}, `${ui.subgraphs[part.subgraph] ?? part.subgraph}: `), part.held)),
        )
      : el('p', {}, ui.nothingHeld),
    el('h3', {}, ui.consents),
    consents.length > 0
      ? el(
          'ul',
          { class: 'data-list', id: 'consents' },
          ...consents.map((consent) =>
            item(`${ui.purposes[consent.purpose] ?? consent.purpose}: ${names(consent.attributes)}`, ui.revoke, async () => {
              await graphql(
                'mutation($purpose: ConsentPurpose!) { revokeConsent(purpose: $purpose) { handle } }',
                { purpose: consent.purpose },
                { signedIn: true },
              );
              await showData(ui.revoked);
            }),
          ),
        )
      : el('p', {}, ui.noConsents),
    el('h3', {}, ui.bookings),
    appointments.length > 0
      ? el(
          'ul',
          { class: 'data-list', id: 'bookings' },
          ...appointments.map((appointment) =>
            item(`${formatTime(appointment.start, language)}, ${appointment.action.title ?? ''}`, ui.cancelBooking, async () => {
              await graphql('mutation($id: ID!) { cancelAppointment(id: $id) { status } }', { id: appointment.id }, { signedIn: true });
              await showData(ui.bookingCancelled);
            }),
          ),
        )
      : el('p', {}, ui.noBookings),
    el('h3', {}, ui.transfer),
    transferForm,
  );
  $('manage').hidden = false;
  $('manage-status').setAttribute('tabindex', '-1');
  if (message) $('manage-status').focus();
}

async function deleteData() {
  const ui = UI[language];
  if (!window.confirm(ui.confirm)) return;
  const data = await graphql('mutation { deleteMyData { complete } }', {}, { signedIn: true });
  forgetIdentity();
  assessments = [];
  $('data-status').textContent = data.deleteMyData.complete ? ui.deleted : ui.deletePending;
  for (const id of ['picture', 'effects', 'services', 'manage']) $(id).hidden = true;
  renderForm();
}

async function render() {
  const ui = UI[language];
  applyHeaderTexts(language, ui);
  $('intro').textContent = ui.intro;
  $('data-title').textContent = ui.data;
  $('data-intro').textContent = ui.dataIntro;
  $('export').textContent = ui.export;
  $('show').textContent = ui.show;
  $('manage').hidden = true;
  $('delete').textContent = ui.delete;
  await loadTexts();
  if (localStorage.getItem('aurora.identity')) await loadAnswers().catch(() => undefined);
  renderForm();
  if (assessments.length > 0) {
    renderChart();
    renderEffects();
    await renderServices();
  }
}

$('rate').addEventListener('submit', (event) => void save(event));
$('export').addEventListener('click', () => void exportData());
$('show').addEventListener('click', () => void showData().catch(() => ($('data-status').textContent = UI[language].failed)));
$('delete').addEventListener('click', () => void deleteData());
$('language').addEventListener('change', (event) => {
  language = event.target.value;
  void render();
});
void render();
