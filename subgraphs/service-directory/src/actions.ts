import type { LocalisedText } from '@aurora/subgraph-kit';
import type { ChannelDocument, ServiceDocument } from './model';

export type ServiceActionKind = 'BOOK_APPOINTMENT' | 'CHECK_ELIGIBILITY' | 'APPLY_ONLINE' | 'CONTACT' | 'OTHER';
export type ContactMethod = 'PHONE' | 'CHAT' | 'VISIT';

/**
 * An action an organisation offers, as the directory stores it. BOOK_APPOINTMENT offers name a
 * service location and hold for every service given there; CHECK_ELIGIBILITY offers name the
 * services a benefit is for; OTHER offers are published by providers for one of their services.
 */
export interface ActionOfferDocument {
  _id: string;
  kind: 'BOOK_APPOINTMENT' | 'CHECK_ELIGIBILITY' | 'OTHER';
  /** The organisation that carries the action; null: the location's or the service's organisation. */
  organisationId: string | null;
  /** The services the offer is for; empty for a location's booking (every service given there). */
  serviceIds: string[];
  /** BOOK_APPOINTMENT: the service location. */
  locationId: string | null;
  /** CHECK_ELIGIBILITY: the benefit's id in the organisation's own subgraph. */
  subjectId: string | null;
  title: LocalisedText;
  description: LocalisedText;
  url: string | null;
  exampleData: boolean;
  status: 'ACTIVE' | 'ARCHIVED';
  modified: string;
  [field: string]: unknown;
}

/** One action of one service, as the schema's `ServiceAction` resolvers see it. */
export interface ActionView {
  id: string;
  kind: ServiceActionKind;
  service: ServiceDocument;
  organisationId: string | null;
  title: LocalisedText;
  exampleData: boolean;
  /** APPLY_ONLINE, CONTACT: the channel; BOOK_APPOINTMENT: the location. */
  channel: ChannelDocument | null;
  method: ContactMethod | null;
  offer: ActionOfferDocument | null;
}

const ORDER: Record<ServiceActionKind, number> = { BOOK_APPOINTMENT: 0, CHECK_ELIGIBILITY: 1, APPLY_ONLINE: 2, CONTACT: 3, OTHER: 4 };
const METHOD_ORDER: Record<ContactMethod, number> = { PHONE: 0, CHAT: 1, VISIT: 2 };

/** Button labels of the contract's kinds, so that every frontend says the same thing. */
const LABELS: Record<Exclude<ServiceActionKind, 'CONTACT' | 'OTHER'> | ContactMethod, LocalisedText> = {
  BOOK_APPOINTMENT: { fi: 'Varaa aika', sv: 'Boka en tid', en: 'Book a time' },
  CHECK_ELIGIBILITY: { fi: 'Tarkista, voitko saada', sv: 'Kontrollera om du kan få', en: 'Check if you qualify' },
  APPLY_ONLINE: { fi: 'Hae verkossa', sv: 'Ansök på nätet', en: 'Apply online' },
  PHONE: { fi: 'Soita', sv: 'Ring', en: 'Call' },
  CHAT: { fi: 'Keskustele chatissa', sv: 'Chatta', en: 'Chat' },
  VISIT: { fi: 'Asioi paikan päällä', sv: 'Besök', en: 'Visit' },
};

export function labelOf(action: ActionView): LocalisedText {
  if (action.kind === 'OTHER') return action.title;
  if (action.kind === 'CONTACT') return LABELS[action.method ?? 'PHONE'];
  return LABELS[action.kind];
}

/** An e-service that is a chat: the catalogue has no chat kind, so its name says so (chat, chatti, neuvontachat). */
const CHAT_NAME = /chat/i;
const isChat = (channel: ChannelDocument) => Object.values(channel.name).some((name) => !!name && CHAT_NAME.test(name));

function fromChannel(service: ServiceDocument, channel: ChannelDocument): ActionView[] {
  const base = { service, organisationId: channel.organisationId ?? service.providerId, title: channel.name, exampleData: false, channel, offer: null };
  switch (channel.kind) {
    case 'ELECTRONIC':
      if (!channel.url) return [];
      if (isChat(channel)) return [{ ...base, id: `contact:${service._id}:${channel._id}:CHAT`, kind: 'CONTACT', method: 'CHAT' }];
      return [{ ...base, id: `apply:${service._id}:${channel._id}`, kind: 'APPLY_ONLINE', method: null }];
    case 'PHONE':
      if (channel.phoneNumbers.length === 0) return [];
      return [{ ...base, id: `contact:${service._id}:${channel._id}:PHONE`, kind: 'CONTACT', method: 'PHONE' }];
    case 'SERVICE_LOCATION':
      return [{ ...base, id: `contact:${service._id}:${channel._id}:VISIT`, kind: 'CONTACT', method: 'VISIT' }];
    default:
      return [];
  }
}

function fromOffer(service: ServiceDocument, offer: ActionOfferDocument, locations: Map<string, ChannelDocument>): ActionView | null {
  if (offer.status !== 'ACTIVE') return null;
  const common = { service, title: offer.title, exampleData: offer.exampleData, method: null, offer };
  if (offer.kind === 'BOOK_APPOINTMENT') {
    const location = offer.locationId ? locations.get(offer.locationId) : undefined;
    if (location?.status !== 'ACTIVE') return null;
    // A location's booking holds for the services its organisation gives there, not for others' services at the same address.
    const organisationId = offer.organisationId ?? location.organisationId;
    if (offer.serviceIds.length === 0 && organisationId !== null && service.providerId !== organisationId) return null;
    return {
      ...common,
      id: `book:${service._id}:${location._id}`,
      kind: 'BOOK_APPOINTMENT',
      organisationId,
      title: location.name,
      channel: location,
    };
  }
  if (offer.kind === 'CHECK_ELIGIBILITY') {
    return {
      ...common,
      id: `eligibility:${service._id}:${offer.subjectId}`,
      kind: 'CHECK_ELIGIBILITY',
      organisationId: offer.organisationId ?? service.providerId,
      channel: null,
    };
  }
  return otherActionOf(service, offer);
}

/**
 * Every action of a service, the most direct first: what its channels allow (apply online, call,
 * chat, visit) and what organisations offer on it (booking at its locations, eligibility checks,
 * their own actions). `channels` are the service's active channels; `offers` those naming the
 * service or one of its locations.
 */
export function actionsOf(service: ServiceDocument, channels: ChannelDocument[], offers: ActionOfferDocument[]): ActionView[] {
  const locations = new Map(channels.filter((channel) => channel.kind === 'SERVICE_LOCATION').map((channel) => [channel._id, channel]));
  const actions = [...channels.flatMap((channel) => fromChannel(service, channel)), ...offers.flatMap((offer) => fromOffer(service, offer, locations) ?? [])];
  const seen = new Set<string>();
  return actions
    .filter((action) => !seen.has(action.id) && seen.add(action.id))
    .sort(
      (a, b) =>
        ORDER[a.kind] - ORDER[b.kind] ||
        (a.method && b.method ? METHOD_ORDER[a.method] - METHOD_ORDER[b.method] : 0) ||
        channels.indexOf(a.channel as ChannelDocument) - channels.indexOf(b.channel as ChannelDocument) ||
        a.id.localeCompare(b.id),
    );
}

/** A provider's own (OTHER) offer as an action of its service, whatever its status. */
export function otherActionOf(service: ServiceDocument, offer: ActionOfferDocument): ActionView {
  return {
    id: `offer:${service._id}:${offer._id}`,
    kind: 'OTHER',
    service,
    organisationId: offer.organisationId,
    title: offer.title,
    exampleData: offer.exampleData,
    channel: null,
    method: null,
    offer,
  };
}

/** The service an action id is about: the part after the kind. */
export function serviceIdOf(actionId: string): string | null {
  const [kind, serviceId] = actionId.split(':');
  return kind && serviceId && ['book', 'eligibility', 'apply', 'contact', 'offer'].includes(kind) ? serviceId : null;
}

export const ACTION_TYPES = {
  BOOK_APPOINTMENT: 'AppointmentBooking',
  CHECK_ELIGIBILITY: 'EligibilityCheck',
  APPLY_ONLINE: 'OnlineApplication',
  CONTACT: 'ContactOption',
  OTHER: 'OtherAction',
} as const satisfies Record<ServiceActionKind, string>;
