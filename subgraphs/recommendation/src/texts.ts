import { lifeEvent, MUNICIPALITIES, serviceClass } from '@aurora/code-lists';
import { localise, type Language, type LocalisedText } from '@aurora/subgraph-kit';
import { TITLE_NEEDS, type PlaceToVisit, type Reason, type ServicePackage } from './engine';
import type { Need } from './needs';
import needMap from '../data/needs.json';

type Texts = Record<Language, string>;

const municipalityNames = new Map(MUNICIPALITIES.map((municipality) => [municipality.code, municipality.name]));
const dimensionLabels = needMap.wellbeing as Record<string, { label: LocalisedText }>;

const name = (text: LocalisedText | undefined, language: Language, fallback: string) => localise(text, language) ?? fallback;
const percent = (share: number) => `${Math.round(share * 100)} %`;

export function needLabel(need: Need, language: Language): string {
  return localise(need.label, language) ?? need.id;
}

/** One reason in the person's language. */
export function reasonText(reason: Reason, language: Language): string {
  switch (reason.kind) {
    case 'LIFE_EVENT': {
      const event = name(lifeEvent(reason.code)?.name, language, reason.code);
      return pick(language, {
        FI: `Palvelu on luokiteltu elämäntilanteeseen ”${event}”.`,
        SV: `Tjänsten hör till livssituationen ”${event}”.`,
        EN: `The service is listed under the life event “${event}”.`,
      });
    }
    case 'SERVICE_CLASS': {
      const label = name(serviceClass(reason.code)?.name, language, reason.code);
      return pick(language, {
        FI: `Palveluluokka ”${label}” vastaa tilanteeseesi.`,
        SV: `Tjänsteklassen ”${label}” motsvarar din situation.`,
        EN: `Its service class “${label}” fits your situation.`,
      });
    }
    case 'CONCEPT':
      return pick(language, {
        FI: 'Palvelun asiasanat vastaavat tilanteeseesi.',
        SV: 'Tjänstens ämnesord motsvarar din situation.',
        EN: "The service's subject terms fit your situation.",
      });
    case 'WORDS': {
      const terms = reason.terms.join(', ');
      return pick(language, { FI: `Kuvaus osuu sanoihin: ${terms}.`, SV: `Beskrivningen träffar orden: ${terms}.`, EN: `Its description matches: ${terms}.` });
    }
    case 'LABEL': {
      const meter = name(dimensionLabels[reason.dimension]?.label, language, reason.dimension);
      if (reason.source === 'HAND') {
        return pick(language, {
          FI: `Palvelu on merkitty auttamaan mittarissa ”${meter}”.`,
          SV: `Tjänsten är märkt att hjälpa med mätaren ”${meter}”.`,
          EN: `The service is labelled as helping with “${meter}”.`,
        });
      }
      return pick(language, {
        FI: `Palvelun arvioidaan auttavan mittarissa ”${meter}” (päätelty kuvauksesta, varmuus ${percent(reason.confidence)}).`,
        SV: `Tjänsten bedöms hjälpa med mätaren ”${meter}” (härlett ur beskrivningen, säkerhet ${percent(reason.confidence)}).`,
        EN: `The service is likely to help with “${meter}” (inferred from its description, ${percent(reason.confidence)} confidence).`,
      });
    }
    case 'LOCAL': {
      const place = name(municipalityNames.get(reason.municipality), language, reason.municipality);
      return pick(language, { FI: `Tarjolla kunnassa ${place}.`, SV: `Erbjuds i ${place}.`, EN: `Offered in ${place}.` });
    }
    case 'NATIONWIDE':
      return pick(language, { FI: 'Valtakunnallinen palvelu.', SV: 'Riksomfattande tjänst.', EN: 'Available nationwide.' });
    case 'VISIT':
      return placeText(reason.place, language);
    case 'HELPED_YOU':
      return pick(language, { FI: 'Kerroit tämän auttaneen sinua.', SV: 'Du har sagt att den hjälpte dig.', EN: 'You said this helped you.' });
    case 'USED_BEFORE':
      return pick(language, { FI: 'Olet käyttänyt tätä palvelua.', SV: 'Du har använt tjänsten.', EN: 'You have used this service.' });
    case 'HELPED_OTHERS':
      return pick(language, {
        FI: `${reason.positive}/${reason.total} palautteen antajasta koki palvelun hyödylliseksi.`,
        SV: `${reason.positive} av ${reason.total} som gav respons tyckte att tjänsten var till hjälp.`,
        EN: `${reason.positive} of ${reason.total} people who gave feedback found it useful.`,
      });
  }
}

/** Where to go in person, saying only what the addresses show: in the person's municipality, or where the nearest is. */
export function placeText(place: PlaceToVisit, language: Language): string {
  const where = place.municipality ? name(municipalityNames.get(place.municipality), language, place.municipality) : null;
  if (!where) return pick(language, { FI: 'Palvelulla on käyntiosoite.', SV: 'Tjänsten har en besöksadress.', EN: 'It has a place to visit.' });
  switch (place.distance) {
    case 0:
      return pick(language, {
        FI: `Palveluun voi mennä paikan päälle kunnassa ${where}.`,
        SV: `Du kan besöka tjänsten på plats i ${where}.`,
        EN: `You can visit it in person in ${where}.`,
      });
    case 1:
      return pick(language, {
        FI: `Lähin käyntipaikka on kunnassa ${where}, samalla hyvinvointialueella.`,
        SV: `Närmaste besöksställe finns i ${where}, i samma välfärdsområde.`,
        EN: `The nearest place to visit is in ${where}, in your wellbeing services county.`,
      });
    case 2:
      return pick(language, {
        FI: `Lähin käyntipaikka on kunnassa ${where}, samassa maakunnassa.`,
        SV: `Närmaste besöksställe finns i ${where}, i samma landskap.`,
        EN: `The nearest place to visit is in ${where}, in your region.`,
      });
    case 3:
      return pick(language, {
        FI: `Käyntipaikka on kunnassa ${where}, oman maakuntasi ulkopuolella.`,
        SV: `Besöksstället finns i ${where}, utanför ditt landskap.`,
        EN: `Its place to visit is in ${where}, outside your region.`,
      });
    default:
      return pick(language, { FI: `Käyntipaikka on kunnassa ${where}.`, SV: `Besöksstället finns i ${where}.`, EN: `Its place to visit is in ${where}.` });
  }
}

/** A package's title: the needs it covers most, and what sets it apart when another package covers the same. */
export function packageTitle(pack: ServicePackage, language: Language): string {
  const labels = pack.covered.slice(0, TITLE_NEEDS).map((entry) => capitalise(needLabel(entry.need, language)));
  const distinction = pack.distinction
    ? 'serviceClass' in pack.distinction
      ? name(serviceClass(pack.distinction.serviceClass)?.name, language, pack.distinction.serviceClass)
      : name(pack.distinction.service, language, '')
    : '';
  const apart = distinction && !labels.some((label) => label.toLowerCase() === distinction.toLowerCase()) ? ` — ${capitalise(distinction)}` : '';
  if (pack.basis === 'GENERAL') {
    return (
      pick(language, {
        FI: `Yleisiä palveluja: ${labels.join(', ')}`,
        SV: `Allmänna tjänster: ${labels.join(', ')}`,
        EN: `Common services: ${labels.join(', ')}`,
      }) + apart
    );
  }
  return labels.join(' · ') + apart;
}

/** Why these services together, in a sentence or two. */
export function packageExplanation(pack: ServicePackage, allNeeds: Need[], language: Language): string {
  const services = pack.items.length;
  const coveredNeeds = pack.covered.filter((entry) => entry.share >= 0.3).length;
  if (pack.basis === 'GENERAL') {
    return pick(language, {
      FI: `Et kertonut tilanteestasi mitään, joten nämä ${services} valtakunnallista palvelua kattavat yleisiä tarpeita. Kerro elämäntilanteesi, kuntasi tai arviosi hyvinvoinnistasi, niin paketit sopivat juuri sinulle.`,
      SV: `Du berättade inget om din situation, så dessa ${services} riksomfattande tjänster täcker vanliga behov. Berätta om din livssituation, din kommun eller ditt välbefinnande, så passar paketen just dig.`,
      EN: `You did not tell anything about your situation, so these ${services} nationwide services cover common needs. Tell your life situation, municipality or how you are doing, and the packages will fit you.`,
    });
  }
  const needs = pack.covered
    .slice(0, 3)
    .map((entry) => needLabel(entry.need, language))
    .join(', ');
  // The package claims a place to visit only where the person lives.
  const local = pack.items.find((item) => item.place?.distance === 0)?.place;
  const visit = local?.municipality ? name(municipalityNames.get(local.municipality), language, local.municipality) : null;
  return (
    pick(language, {
      FI: `Nämä ${services} palvelua kattavat yhdessä ${coveredNeeds}/${allNeeds.length} tarpeestasi (${needs}); kukin valittiin täydentämään muita eikä toistamaan niitä.`,
      SV: `Tillsammans täcker dessa ${services} tjänster ${coveredNeeds} av dina ${allNeeds.length} behov (${needs}); var och en valdes för att komplettera de andra, inte upprepa dem.`,
      EN: `Together these ${services} services cover ${coveredNeeds} of your ${allNeeds.length} needs (${needs}); each was chosen to complement the others rather than repeat them.`,
    }) +
    (visit
      ? pick(language, {
          FI: ` Yhteen niistä voi mennä käymään kunnassa ${visit}.`,
          SV: ` En av dem kan du besöka i ${visit}.`,
          EN: ` One of them you can visit in person in ${visit}.`,
        })
      : '')
  );
}

const pick = (language: Language, texts: Texts) => texts[language];
const capitalise = (text: string) => (text.startsWith('“') || text.startsWith('”') ? text : text.charAt(0).toUpperCase() + text.slice(1));
