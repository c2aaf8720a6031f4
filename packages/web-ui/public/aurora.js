// What the reference services' pages share. Plain ES module, no build step; DOM built with
// createElement only (no innerHTML), so text from the network is never run as markup.

const IDENTITY_KEY = 'aurora.identity';

export function graphqlUrl() {
  return window.AURORA_CONFIG.graphqlUrl;
}

/** The person's anonymous identity token: kept in this browser only; the router makes one on first use. */
export async function identity() {
  const stored = localStorage.getItem(IDENTITY_KEY);
  if (stored) return stored;
  const response = await fetch(graphqlUrl().replace(/\/graphql$/, '/identity'), { method: 'POST' });
  if (!response.ok) throw new Error('The network did not give an identity.');
  const { token } = await response.json();
  localStorage.setItem(IDENTITY_KEY, token);
  return token;
}

export function forgetIdentity() {
  localStorage.removeItem(IDENTITY_KEY);
}

/**
 * One GraphQL request to the router; with `signedIn`, as the person. Throws with the first error's
 * message (and `code`, `extensions`) when there is no data; with `partial`, answers `{ data, errors }`
 * instead, for answers where one field may fail and the rest still come.
 */
export async function graphql(query, variables = {}, { signedIn = false, partial = false } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (signedIn) headers.authorization = `Bearer ${await identity()}`;
  let response;
  try {
    response = await fetch(graphqlUrl(), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new Error('network');
  }
  const body = await response.json().catch(() => ({}));
  if ((body.errors?.length && !body.data) || !response.ok) {
    const error = new Error(body.errors?.[0]?.message ?? 'network');
    error.code = body.errors?.[0]?.extensions?.code;
    error.extensions = body.errors?.[0]?.extensions ?? {};
    throw error;
  }
  return partial ? { data: body.data, errors: body.errors ?? [] } : body.data;
}

/** Builds an element: el('p', { class: 'x' }, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  return node;
}

/** The fields of a service action a page shows (the network's action contract). */
export const ACTION_FIELDS = (language) => `__typename id kind label(language: ${language}) title(language: ${language}) exampleData
  ... on OnlineApplication { url requiresStrongIdentification }
  ... on ContactOption { method url phoneNumbers { number } address { street postalCode postOffice } }
  ... on OtherAction { url description(language: ${language}) }`;

/** The fields a service card shows; spread into a query's `service { … }`. */
export const SERVICE_FIELDS = (language) => `id
  name(language: ${language}) summary(language: ${language})
  provider { id name(language: ${language}) }
  nextStep { ${ACTION_FIELDS(language)} }
  channels {
    __typename
    name(language: ${language})
    ... on ServiceLocationChannel { visitingAddresses { street postalCode postOffice } serviceHours { type days opens closes isClosed } phoneNumbers { number } }
    ... on PhoneChannel { phoneNumbers { number } serviceHours { type days opens closes isClosed } }
    ... on WebPageChannel { url }
    ... on ElectronicChannel { url }
  }`;

const WORDS = {
  FI: {
    visit: 'Käyntiosoite',
    hours: 'Aukioloajat',
    phone: 'Puhelin',
    web: 'Verkossa',
    provider: 'Palveluntuottaja',
    closed: 'suljettu',
    days: ['ma', 'ti', 'ke', 'to', 'pe', 'la', 'su'],
  },
  SV: {
    visit: 'Besöksadress',
    hours: 'Öppettider',
    phone: 'Telefon',
    web: 'På webben',
    provider: 'Anordnare',
    closed: 'stängt',
    days: ['mån', 'tis', 'ons', 'tor', 'fre', 'lör', 'sön'],
  },
  EN: {
    visit: 'Visiting address',
    hours: 'Opening hours',
    phone: 'Phone',
    web: 'Online',
    provider: 'Provider',
    closed: 'closed',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  },
};

function hours(list, words) {
  return list
    .filter((hour) => hour.type === 'STANDARD' && hour.days.length > 0)
    .slice(0, 3)
    .map((hour) => {
      const days = hour.days.length > 1 ? `${words.days[hour.days[0] - 1]}–${words.days[hour.days[hour.days.length - 1] - 1]}` : words.days[hour.days[0] - 1];
      return `${days} ${hour.isClosed ? words.closed : `${hour.opens ?? ''}–${hour.closes ?? ''}`}`;
    });
}

/** A card for one service: name, provider, and how to use it (address, hours, phone, web). */
export function serviceCard(service, language, extra = []) {
  const words = WORDS[language] ?? WORDS.FI;
  const rows = [];
  const seen = new Set();
  const add = (term, value, href) => {
    const key = `${term}:${value}`;
    if (!value || seen.has(key) || rows.length >= 8) return;
    seen.add(key);
    rows.push(el('dt', {}, term), el('dd', {}, href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank' }, value) : value));
  };
  for (const channel of service.channels ?? []) {
    if (channel.__typename === 'ServiceLocationChannel') {
      for (const address of channel.visitingAddresses ?? [])
        add(words.visit, [address.street, [address.postalCode, address.postOffice].filter(Boolean).join(' ')].filter(Boolean).join(', '));
      for (const line of hours(channel.serviceHours ?? [], words)) add(words.hours, line);
    }
    for (const phone of channel.phoneNumbers ?? []) add(words.phone, phone.number, `tel:${phone.number.replace(/[^+\d]/g, '')}`);
    if ((channel.__typename === 'WebPageChannel' || channel.__typename === 'ElectronicChannel') && /^https?:\/\//.test(channel.url ?? ''))
      add(words.web, channel.name ?? channel.url, channel.url);
  }
  return el(
    'article',
    { class: 'service-card' },
    el('h3', {}, service.name ?? ''),
    service.provider?.name ? el('p', { class: 'provider' }, `${words.provider}: ${service.provider.name}`) : null,
    service.summary ? el('p', { class: 'summary' }, service.summary) : null,
    ...extra,
    rows.length > 0 ? el('dl', { class: 'channels' }, ...rows) : null,
  );
}

/** The page's language: the `lang` query parameter, the last choice, or the browser's. */
export function pageLanguage() {
  const asked = new URLSearchParams(location.search).get('lang')?.toUpperCase();
  const stored = localStorage.getItem('aurora.language');
  const browser = (navigator.language ?? 'fi').slice(0, 2).toUpperCase();
  const language = [asked, stored, browser].find((candidate) => ['FI', 'SV', 'EN'].includes(candidate)) ?? 'FI';
  return language;
}

export function rememberLanguage(language) {
  localStorage.setItem('aurora.language', language);
  document.documentElement.lang = language.toLowerCase();
}

/**
 * The header every page shares, in the page's language: the document title and heading, the
 * language switch's label and value, and the skip link. `ui` has `title`, `language`, `skip`.
 */
export function applyHeaderTexts(language, ui) {
  rememberLanguage(language);
  document.title = ui.title;
  document.getElementById('title').textContent = ui.title;
  document.getElementById('language-label').firstChild.textContent = `${ui.language} `;
  document.getElementById('language').value = language;
  document.querySelector('.skip-link').textContent = ui.skip;
}
