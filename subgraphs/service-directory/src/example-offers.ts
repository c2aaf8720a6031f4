import type { LocalisedText } from '@aurora/subgraph-kit';
import type { ActionOfferDocument } from './actions';

const EXAMPLE_MODIFIED = '2026-12-08T00:00:00.000Z';

function booking(locationId: string, place: string): ActionOfferDocument {
  return {
    _id: `example-booking-${locationId}`,
    kind: 'BOOK_APPOINTMENT',
    organisationId: null,
    serviceIds: [],
    locationId,
    subjectId: null,
    title: { fi: place },
    description: {},
    url: null,
    exampleData: true,
    status: 'ACTIVE',
    modified: EXAMPLE_MODIFIED,
  };
}

function eligibility(benefitId: string, serviceIds: string[], title: LocalisedText): ActionOfferDocument {
  return {
    _id: `example-eligibility-${benefitId}`,
    kind: 'CHECK_ELIGIBILITY',
    organisationId: null,
    serviceIds,
    locationId: null,
    subjectId: benefitId,
    title,
    description: {},
    url: null,
    exampleData: true,
    status: 'ACTIVE',
    modified: EXAMPLE_MODIFIED,
  };
}

/**
 * EXAMPLE DATA, written for the Aurora network: the actions the example organisations carry in
 * their own subgraphs, as they offer them to the directory. The City of Mikkeli takes bookings at
 * three of its real service locations (the `mikkeli` subgraph keeps the example calendars); Kela
 * answers eligibility for five of its benefits (the `kela` subgraph keeps the example rules).
 * Organisations offer further actions with `publishServiceAction`.
 */
export const EXAMPLE_ACTION_OFFERS: ActionOfferDocument[] = [
  booking('be033dbc-124f-52dc-b474-7f8d8cca2f84', 'Mikkelin kaupungin rakennusvalvonta, virastotalo'),
  booking('42408347-7529-5f4a-9a4f-1a8c631ae52e', 'Mikkelin kaupungin asiointipiste, Maaherrankatu 9-11'),
  booking('62aa9db5-0bc9-57e7-bbbf-a44c22bc9629', 'Emolan päiväkoti'),
  eligibility(
    'kela-general-housing-allowance',
    ['579991be-f40f-4913-8130-0e07592b50c4', 'eb667d14-2c85-56b5-affa-5c2805cef16c', '494dffb5-d2ac-5a3a-b08d-36620d325aa4'],
    {
      fi: 'Yleinen asumistuki',
      sv: 'Allmänt bostadsbidrag',
      en: 'General housing allowance',
    },
  ),
  eligibility('kela-study-grant', ['e0556386-0ffa-40f2-98aa-770b42dd792a'], { fi: 'Opintoraha', sv: 'Studiepenning', en: 'Study grant' }),
  eligibility('kela-basic-unemployment-allowance', ['8c6e25e9-e186-49fd-852c-f6f168d1351f'], {
    fi: 'Peruspäiväraha',
    sv: 'Grunddagpenning',
    en: 'Basic unemployment allowance',
  }),
  eligibility('kela-child-benefit', ['aeb60b1d-2872-4841-9704-652246948990'], { fi: 'Lapsilisä', sv: 'Barnbidrag', en: 'Child benefit' }),
  eligibility('kela-sickness-allowance', ['6529e1c2-b9ac-4f00-8e8b-6d13616ccf81'], { fi: 'Sairauspäiväraha', sv: 'Sjukdagpenning', en: 'Sickness allowance' }),
];
