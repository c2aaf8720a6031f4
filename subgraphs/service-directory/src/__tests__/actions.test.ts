import { actionsOf, labelOf, serviceIdOf, type ActionOfferDocument } from '../actions';
import type { ChannelDocument, ServiceDocument } from '../model';

const CITY = 'org-city';
const service = (fields: Partial<ServiceDocument> = {}) => ({ _id: 'service-1', providerId: CITY, channelIds: [], ...fields }) as ServiceDocument;
const channel = (fields: Partial<ChannelDocument>): ChannelDocument =>
  ({
    _id: 'channel',
    kind: 'ELECTRONIC',
    name: { fi: 'Kanava' },
    organisationId: CITY,
    url: null,
    phoneNumbers: [],
    status: 'ACTIVE',
    ...fields,
  }) as ChannelDocument;
const offer = (fields: Partial<ActionOfferDocument>): ActionOfferDocument => ({
  _id: 'offer-1',
  kind: 'OTHER',
  organisationId: null,
  serviceIds: [],
  locationId: null,
  subjectId: null,
  title: { fi: 'Toiminto' },
  description: {},
  url: null,
  exampleData: false,
  status: 'ACTIVE',
  modified: '2026-12-08T00:00:00.000Z',
  ...fields,
});

describe('the actions of a service', () => {
  const eService = channel({ _id: 'e-service', kind: 'ELECTRONIC', url: 'https://asiointi.example.fi/', requiresAuthentication: true });
  const chat = channel({ _id: 'chat', kind: 'ELECTRONIC', name: { fi: 'Neuvontachat' }, url: 'https://chat.example.fi/' });
  const noUrl = channel({ _id: 'no-url', kind: 'ELECTRONIC' });
  const phone = channel({ _id: 'phone', kind: 'PHONE', phoneNumbers: [{ number: '015 123', description: null, chargeInfo: null }] });
  const silentPhone = channel({ _id: 'silent', kind: 'PHONE' });
  const office = channel({ _id: 'office', kind: 'SERVICE_LOCATION', name: { fi: 'Virastotalo' } });
  const web = channel({ _id: 'web', kind: 'WEB_PAGE', url: 'https://example.fi/' });

  it('come from the channels: apply online, call, chat, visit; the most direct first', () => {
    const actions = actionsOf(service(), [office, web, phone, chat, eService, noUrl, silentPhone], []);
    expect(actions.map((action) => [action.id, action.kind, action.method])).toEqual([
      ['apply:service-1:e-service', 'APPLY_ONLINE', null],
      ['contact:service-1:phone:PHONE', 'CONTACT', 'PHONE'],
      ['contact:service-1:chat:CHAT', 'CONTACT', 'CHAT'],
      ['contact:service-1:office:VISIT', 'CONTACT', 'VISIT'],
    ]);
    expect(actions.map((action) => labelOf(action).en)).toEqual(['Apply online', 'Call', 'Chat', 'Visit']);
  });

  it("add the organisations' offers: booking at the location for the organisation's own services, eligibility, their own", () => {
    const booking = offer({ _id: 'booking', kind: 'BOOK_APPOINTMENT', locationId: 'office', exampleData: true });
    const check = offer({ _id: 'check', kind: 'CHECK_ELIGIBILITY', serviceIds: ['service-1'], subjectId: 'benefit-9', title: { en: 'Allowance' } });
    const own = offer({ _id: 'own', kind: 'OTHER', organisationId: 'org-association', serviceIds: ['service-1'], title: { fi: 'Tapaa eläimiä' } });
    const withdrawn = offer({ _id: 'withdrawn', kind: 'OTHER', serviceIds: ['service-1'], status: 'ARCHIVED' });
    const actions = actionsOf(service(), [office], [own, withdrawn, check, booking]);
    expect(actions.map((action) => action.id)).toEqual([
      'book:service-1:office',
      'eligibility:service-1:benefit-9',
      'contact:service-1:office:VISIT',
      'offer:service-1:own',
    ]);
    expect(actions[0]).toMatchObject({ kind: 'BOOK_APPOINTMENT', organisationId: CITY, exampleData: true, title: { fi: 'Virastotalo' } });
    expect(labelOf(actions[3] as (typeof actions)[number])).toEqual({ fi: 'Tapaa eläimiä' });
    // Another organisation's service given at the same place has no booking there.
    expect(actionsOf(service({ providerId: 'org-other' }), [office], [booking]).map((action) => action.kind)).toEqual(['CONTACT']);
    // A booking at a place the service is not given at is not the service's.
    expect(actionsOf(service(), [], [booking])).toEqual([]);
  });

  it('name their service in their id', () => {
    expect(serviceIdOf('book:service-1:office')).toBe('service-1');
    expect(serviceIdOf('offer:service-1:own')).toBe('service-1');
    expect(serviceIdOf('something-else')).toBeNull();
    expect(serviceIdOf('book')).toBeNull();
  });
});
