import { lifeEvent, MUNICIPALITIES } from '@aurora/code-lists';
import { localise, type Language } from '@aurora/subgraph-kit';

type Texts = Record<Language, string>;
const t = (texts: Texts, language: Language) => texts[language];

const METER_NAMES: Record<string, Texts> = {
  FAMILY: { FI: 'perhe ja läheiset', SV: 'familj och närstående', EN: 'family and close people' },
  FINANCE: { FI: 'raha-asiat', SV: 'ekonomi', EN: 'money matters' },
  FRIENDS: { FI: 'ystävät', SV: 'vänner', EN: 'friends' },
  HEALTH: { FI: 'terveys', SV: 'hälsa', EN: 'health' },
  HOUSING: { FI: 'asuminen', SV: 'boende', EN: 'housing' },
  IMPROVEMENT_OF_STRENGTHS: { FI: 'omien vahvuuksien kehittäminen', SV: 'att utveckla sina styrkor', EN: 'developing your strengths' },
  LIFE_SATISFACTION: { FI: 'elämä kokonaisuutena', SV: 'livet som helhet', EN: 'life as a whole' },
  RESILIENCE: { FI: 'vaikeuksista selviäminen', SV: 'att klara svårigheter', EN: 'getting through difficulties' },
  SELF_ESTEEM: { FI: 'itsetunto', SV: 'självkänsla', EN: 'self-esteem' },
  WORKING_STUDYING: { FI: 'työ, opiskelu ja arki', SV: 'arbete, studier och vardag', EN: 'work, studies and daily life' },
};

export function topicName(topic: string, language: Language): string {
  if (topic.startsWith('KE')) return localise(lifeEvent(topic)?.name, language)?.toLowerCase() ?? topic;
  return METER_NAMES[topic]?.[language] ?? topic;
}

export const municipalityName = (code: string, language: Language) =>
  localise(MUNICIPALITIES.find((municipality) => municipality.code === code)?.name, language) ?? code;

export const TEXTS = {
  greeting: (language: Language) =>
    t(
      {
        FI: 'Hei! Autan löytämään palveluja, jotka sopivat elämäntilanteeseesi. Kerro omin sanoin, mitä elämässäsi tapahtuu tai mihin kaipaat apua.',
        SV: 'Hej! Jag hjälper dig att hitta tjänster som passar din livssituation. Berätta med egna ord vad som händer i ditt liv eller vad du behöver hjälp med.',
        EN: 'Hello! I help you find services that fit your life situation. Tell me in your own words what is happening in your life or what you need help with.',
      },
      language,
    ),
  help: (language: Language) =>
    t(
      {
        FI: 'Voit kertoa esimerkiksi, että olet jäänyt työttömäksi, muuttamassa tai että rahat eivät riitä. Kysyn sitten kuntaasi ja ikääsi, yksi asia kerrallaan, ja ehdotan palvelukokonaisuuksia. Voit aina ohittaa kysymyksen. Tietosi voi poistaa milloin tahansa.',
        SV: 'Du kan till exempel berätta att du har blivit arbetslös, ska flytta eller att pengarna inte räcker. Sedan frågar jag efter din kommun och ålder, en sak i taget, och föreslår tjänstepaket. Du kan alltid hoppa över en fråga. Dina uppgifter kan raderas när som helst.',
        EN: 'You can tell me, for example, that you have lost your job, are moving, or that money is short. I then ask for your municipality and age, one thing at a time, and suggest packages of services. You can always skip a question. Your data can be deleted at any time.',
      },
      language,
    ),
  notUnderstood: (language: Language) =>
    t(
      {
        FI: 'En ihan ymmärtänyt. Kerrotko vielä toisin sanoin, mikä elämäntilanteesi on tai mihin tarvitset apua?',
        SV: 'Jag förstod inte riktigt. Kan du berätta med andra ord vad din livssituation är eller vad du behöver hjälp med?',
        EN: 'I did not quite understand. Could you tell me in other words what your situation is or what you need help with?',
      },
      language,
    ),
  noted: (topics: string[], language: Language) => {
    const list = topics.map((topic) => topicName(topic, language)).join(', ');
    return t(
      { FI: `Selvä, otan huomioon: ${list}.`, SV: `Jag förstår, jag tar hänsyn till: ${list}.`, EN: `Understood, I will take into account: ${list}.` },
      language,
    );
  },
  askMunicipality: (language: Language) => t({ FI: 'Missä kunnassa asut?', SV: 'I vilken kommun bor du?', EN: 'Which municipality do you live in?' }, language),
  askAge: (language: Language) => t({ FI: 'Kuinka vanha olet?', SV: 'Hur gammal är du?', EN: 'How old are you?' }, language),
  didNotFindMunicipality: (language: Language) =>
    t(
      {
        FI: 'En tunnistanut kuntaa. Kirjoita kunnan nimi, esimerkiksi Mikkeli, tai valitse Ohita.',
        SV: 'Jag kände inte igen kommunen. Skriv kommunens namn, till exempel Åbo, eller välj Hoppa över.',
        EN: 'I did not recognise the municipality. Write its name, for example Tampere, or choose Skip.',
      },
      language,
    ),
  didNotFindAge: (language: Language) =>
    t(
      {
        FI: 'Kirjoita ikäsi numerona, esimerkiksi 34, tai valitse Ohita.',
        SV: 'Skriv din ålder med siffror, till exempel 34, eller välj Hoppa över.',
        EN: 'Write your age as a number, for example 34, or choose Skip.',
      },
      language,
    ),
  packages: (titles: string[], municipality: string | null, language: Language) => {
    const place = municipality ? municipalityName(municipality, language) : null;
    const list = titles.map((title, index) => `${index + 1}) ${title}`).join(' ');
    return t(
      {
        FI: `Tässä palvelukokonaisuuksia tilanteeseesi${place ? ` (${place})` : ''}: ${list}. Palvelujen tiedot näet korteista.`,
        SV: `Här är tjänstepaket för din situation${place ? ` (${place})` : ''}: ${list}. Tjänsternas uppgifter ser du på korten.`,
        EN: `Here are packages of services for your situation${place ? ` (${place})` : ''}: ${list}. The cards show each service's details.`,
      },
      language,
    );
  },
  nothingFound: (language: Language) =>
    t(
      {
        FI: 'En löytänyt tähän sopivia palveluja. Kerrotko tilanteestasi lisää?',
        SV: 'Jag hittade inga passande tjänster. Kan du berätta mer om din situation?',
        EN: 'I found no services that fit. Could you tell me more about your situation?',
      },
      language,
    ),
  starting: (language: Language) =>
    t(
      {
        FI: 'Palveluhaku käynnistyy vielä ja lukee palveluluetteloa. Kysy uudelleen muutaman sekunnin päästä; muistan jo kertomasi.',
        SV: 'Tjänstesökningen startar ännu och läser tjänstekatalogen. Fråga igen om några sekunder; jag minns det du redan berättat.',
        EN: 'The service search is still starting and reading the catalogue. Ask again in a few seconds; I remember what you told me.',
      },
      language,
    ),
  networkDown: (language: Language) =>
    t(
      {
        FI: 'Palveluhaku ei juuri nyt vastaa. Yritä hetken päästä uudelleen; muistan jo kertomasi.',
        SV: 'Tjänstesökningen svarar inte just nu. Försök igen om en stund; jag minns det du redan berättat.',
        EN: 'The service search is not answering right now. Please try again in a moment; I remember what you told me.',
      },
      language,
    ),
  visit: (count: number, municipality: string | null, language: Language) => {
    const place = municipality ? municipalityName(municipality, language) : null;
    if (count > 0 && place) {
      return t(
        {
          FI: `Näihin palveluihin voit mennä paikan päälle kunnassa ${place}; osoitteet ja aukioloajat ovat korteissa.`,
          SV: `Dessa tjänster kan du besöka på plats i ${place}; adresser och öppettider finns på korten.`,
          EN: `These services you can visit in person in ${place}; the cards show addresses and opening hours.`,
        },
        language,
      );
    }
    return count > 0
      ? t(
          {
            FI: 'Näihin palveluihin voit mennä paikan päälle; osoitteet ja aukioloajat ovat korteissa.',
            SV: 'Dessa tjänster kan du besöka på plats; adresser och öppettider finns på korten.',
            EN: 'These services you can visit in person; the cards show addresses and opening hours.',
          },
          language,
        )
      : t(
          {
            FI: 'En löytänyt tilanteeseesi palvelupisteitä, joissa voisi käydä. Sähköiset ja puhelinpalvelut ovat korteissa.',
            SV: 'Jag hittade inga serviceställen att besöka för din situation. E-tjänster och telefontjänster finns på korten.',
            EN: 'I found no places to visit for your situation. Online and phone services are on the cards.',
          },
          language,
        );
  },
  /** No place in the person's municipality: the nearest ones, saying where they are. */
  visitElsewhere: (municipality: string, where: string[], language: Language) => {
    const home = municipalityName(municipality, language);
    const there = where.map((code) => municipalityName(code, language)).join(', ');
    return t(
      {
        FI: `Kunnassa ${home} en löytänyt näille palveluille käyntipaikkaa. Lähimmät ovat: ${there}; osoitteet ovat korteissa, ja sähköiset ja puhelinpalvelut toimivat kotoa.`,
        SV: `I ${home} hittade jag inget besöksställe för dessa tjänster. De närmaste finns i: ${there}; adresserna finns på korten, och e-tjänster och telefontjänster fungerar hemifrån.`,
        EN: `I found no place to visit for these services in ${home}. The nearest are in: ${there}; the cards show the addresses, and the online and phone services work from home.`,
      },
      language,
    );
  },
  needSituationFirst: (language: Language) =>
    t(
      {
        FI: 'Kerro ensin vähän tilanteestasi, niin etsin palveluja.',
        SV: 'Berätta först lite om din situation, så söker jag tjänster.',
        EN: 'First tell me a little about your situation, and I will look for services.',
      },
      language,
    ),
  handover: (language: Language) =>
    t(
      {
        FI: 'Voin siirtää sinut toiseen verkoston palveluun. Saat kertakäyttöisen koodin, ja vastaanottava palvelu saa vain ne tiedot, jotka itse valitset. Yhteydenotot ihmiselle löydät myös palvelukorttien puhelinnumeroista.',
        SV: 'Jag kan överföra dig till en annan tjänst i nätverket. Du får en engångskod, och den mottagande tjänsten får bara de uppgifter du själv väljer. Du når också en människa via telefonnumren på tjänstekorten.',
        EN: 'I can hand you over to another service on the network. You get a one-time code, and the receiving service gets only the details you choose. You can also reach a person through the phone numbers on the service cards.',
      },
      language,
    ),
  restarted: (language: Language) => t({ FI: 'Aloitetaan alusta.', SV: 'Vi börjar om från början.', EN: "Let's start over." }, language),
  unknownSession: (language: Language) =>
    t(
      {
        FI: 'En löytänyt aiempaa keskustelua, joten aloitin uuden.',
        SV: 'Jag hittade inte det tidigare samtalet, så jag började ett nytt.',
        EN: 'I could not find that conversation, so I started a new one.',
      },
      language,
    ),
};

export const QUICK = {
  skip: (language: Language) => t({ FI: 'Ohita', SV: 'Hoppa över', EN: 'Skip' }, language),
  more: (language: Language) => t({ FI: 'Kerro lisää', SV: 'Berätta mer', EN: 'Tell me more' }, language),
  visit: (language: Language) => t({ FI: 'Missä voin asioida paikan päällä?', SV: 'Var kan jag besöka på plats?', EN: 'Where can I go in person?' }, language),
  restart: (language: Language) => t({ FI: 'Aloita alusta', SV: 'Börja om', EN: 'Start over' }, language),
  help: (language: Language) => t({ FI: 'Mitä osaat?', SV: 'Vad kan du?', EN: 'What can you do?' }, language),
  examples: (language: Language) =>
    ({
      FI: ['Jäin työttömäksi', 'Rahat eivät riitä', 'Olen yksinäinen'],
      SV: ['Jag blev arbetslös', 'Pengarna räcker inte', 'Jag är ensam'],
      EN: ['I lost my job', 'Money is tight', 'I feel lonely'],
    })[language],
};

const SKIP = /^(ohita|en halua (kertoa|sanoa)|skip|pass|hoppa över|vill inte säga|ei kiitos)\b/i;
const RESTART = /^(aloita alusta|börja om|start over|restart)\b/i;
export const isSkip = (text: string) => SKIP.test(text.trim());
export const isRestart = (text: string) => RESTART.test(text.trim());
