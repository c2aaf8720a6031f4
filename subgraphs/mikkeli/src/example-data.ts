import type { LocalisedText } from '@aurora/subgraph-kit';

export type AccessibilityFeature = 'STEP_FREE_ENTRANCE' | 'ACCESSIBLE_TOILET' | 'INDUCTION_LOOP' | 'ACCESSIBLE_PARKING' | 'LIFT';

export interface VisitingDetailsDocument {
  /** The id of the service location channel in the service directory. */
  _id: string;
  place: string;
  accessibility: AccessibilityFeature[];
  parking: LocalisedText;
  publicTransport: LocalisedText;
  appointmentRequired: boolean;
  bookingUrl: string | null;
  [field: string]: unknown;
}

const CITY_CENTRE_BUS = {
  fi: 'Kaupungin keskustan bussipysäkeiltä muutaman minuutin kävely.',
  sv: 'Några minuters promenad från busshållplatserna i centrum.',
  en: 'A few minutes on foot from the city centre bus stops.',
};

/**
 * EXAMPLE DATA, written for the Aurora network to show a municipality's subgraph. The places are
 * real service locations of the City of Mikkeli in the Finnish Service Catalogue (`place` names
 * them; `_id` is their id in the service directory); the visiting details are illustrative.
 */
export const EXAMPLE_VISITING_DETAILS: VisitingDetailsDocument[] = [
  {
    _id: '42408347-7529-5f4a-9a4f-1a8c631ae52e',
    place: 'Mikkelin kaupungin asiointipiste, Maaherrankatu 9-11',
    accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET', 'INDUCTION_LOOP', 'LIFT'],
    parking: { fi: 'Maksullinen pysäköinti kadun varrella.', sv: 'Avgiftsbelagd parkering längs gatan.', en: 'Paid parking on the street.' },
    publicTransport: CITY_CENTRE_BUS,
    appointmentRequired: false,
    bookingUrl: null,
  },
  {
    _id: 'be033dbc-124f-52dc-b474-7f8d8cca2f84',
    place: 'Mikkelin kaupungin rakennusvalvonta, virastotalo',
    accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET', 'LIFT'],
    parking: { fi: 'Maksullinen pysäköinti kadun varrella.', en: 'Paid parking on the street.' },
    publicTransport: CITY_CENTRE_BUS,
    appointmentRequired: true,
    bookingUrl: 'https://www.mikkeli.fi/rakennusvalvonta',
  },
  {
    _id: 'fda8bbb4-c00e-57cc-b697-0ebb581d57f5',
    place: 'Mikkelin kaupungin kirjaamo',
    accessibility: ['STEP_FREE_ENTRANCE', 'LIFT'],
    parking: { fi: 'Maksullinen pysäköinti kadun varrella.', en: 'Paid parking on the street.' },
    publicTransport: CITY_CENTRE_BUS,
    appointmentRequired: false,
    bookingUrl: null,
  },
  {
    _id: '7a5afe85-bf12-55b7-b774-fb06b3d49024',
    place: 'Rantakylän kirjasto',
    accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET', 'ACCESSIBLE_PARKING'],
    parking: { fi: 'Maksuton pysäköinti kauppakeskuksen pihalla.', en: 'Free parking at the shopping centre.' },
    publicTransport: { fi: 'Rantakylän bussilinjat pysähtyvät kirjaston lähellä.', en: 'Rantakylä bus lines stop near the library.' },
    appointmentRequired: false,
    bookingUrl: null,
  },
  {
    _id: '796b9747-f988-59c1-9592-05a159122d80',
    place: 'Ristiinan kirjasto',
    accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET'],
    parking: { fi: 'Maksuton pysäköinti kirjaston edessä.', en: 'Free parking in front of the library.' },
    publicTransport: { fi: 'Ristiinan linja-autoasemalta lyhyt kävely.', en: 'A short walk from the Ristiina bus station.' },
    appointmentRequired: false,
    bookingUrl: null,
  },
  {
    _id: '80a1280e-fb30-5227-85a7-3c30e7bd7c18',
    place: 'Ristiinan yhteispalvelupiste',
    accessibility: ['STEP_FREE_ENTRANCE'],
    parking: { fi: 'Maksuton pysäköinti.', en: 'Free parking.' },
    publicTransport: { fi: 'Ristiinan linja-autoasemalta lyhyt kävely.', en: 'A short walk from the Ristiina bus station.' },
    appointmentRequired: false,
    bookingUrl: null,
  },
  {
    _id: 'b9c28522-c484-5728-b2ce-059d1d02c1ff',
    place: 'Mikkelin taidemuseo',
    accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET', 'LIFT'],
    parking: { fi: 'Maksullinen pysäköinti lähikaduilla.', en: 'Paid parking on nearby streets.' },
    publicTransport: CITY_CENTRE_BUS,
    appointmentRequired: false,
    bookingUrl: null,
  },
  {
    _id: '79fa0ad4-7175-56b4-9dd8-c2e049c2f7b4',
    place: 'Päämajamuseo',
    accessibility: ['ACCESSIBLE_TOILET'],
    parking: { fi: 'Maksullinen pysäköinti lähikaduilla.', en: 'Paid parking on nearby streets.' },
    publicTransport: CITY_CENTRE_BUS,
    appointmentRequired: false,
    bookingUrl: null,
  },
  {
    _id: '62aa9db5-0bc9-57e7-bbbf-a44c22bc9629',
    place: 'Emolan päiväkoti',
    accessibility: ['STEP_FREE_ENTRANCE', 'ACCESSIBLE_TOILET'],
    parking: { fi: 'Saattoliikenteen pysäköinti pihalla.', en: 'Drop-off parking in the yard.' },
    publicTransport: { fi: 'Emolan bussipysäkki lähellä.', en: 'Emola bus stop nearby.' },
    appointmentRequired: true,
    bookingUrl: 'https://www.mikkeli.fi/varhaiskasvatus',
  },
];
