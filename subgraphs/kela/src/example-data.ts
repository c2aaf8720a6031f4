import type { BenefitDocument } from './benefit';

/**
 * EXAMPLE DATA, written for the Aurora network to show an organisation subgraph. The benefit
 * names are those Kela (the Social Insurance Institution of Finland) uses publicly, and each is
 * attached to a real Finnish Service Catalogue service of Kela's by its PTV id; the summaries,
 * processing times and links are illustrative, not Kela's official information. The housing
 * allowance is also linked, as an example of a related benefit, to two rental-housing services
 * of the legacy catalogue (ARA rental flats and right-of-occupancy flats in Mikkeli).
 */
export const EXAMPLE_BENEFITS: BenefitDocument[] = [
  {
    _id: 'kela-general-housing-allowance',
    serviceIds: ['579991be-f40f-4913-8130-0e07592b50c4', 'eb667d14-2c85-56b5-affa-5c2805cef16c', '494dffb5-d2ac-5a3a-b08d-36620d325aa4'],
    name: { fi: 'Yleinen asumistuki', sv: 'Allmänt bostadsbidrag', en: 'General housing allowance' },
    summary: {
      fi: 'Tukea pienituloisille asumismenoihin, kun kotitalouden tulot ovat pienet.',
      sv: 'Stöd för boendeutgifter för hushåll med små inkomster.',
      en: 'Help with housing costs for households on a low income.',
    },
    applyOnline: true,
    typicalProcessingDays: 30,
    moreInformationUrl: 'https://www.kela.fi/asumistuki',
  },
  {
    _id: 'kela-pensioners-housing-allowance',
    serviceIds: ['579991be-f40f-4913-8130-0e07592b50c4', '30fe7757-32ad-4ea7-a8e4-857b44f81160'],
    name: { fi: 'Eläkkeensaajan asumistuki', sv: 'Bostadsbidrag för pensionstagare', en: "Pensioners' housing allowance" },
    summary: {
      fi: 'Asumistuki pienituloiselle eläkkeensaajalle.',
      sv: 'Bostadsbidrag för pensionstagare med små inkomster.',
      en: 'Housing allowance for pensioners on a low income.',
    },
    applyOnline: true,
    typicalProcessingDays: 30,
    moreInformationUrl: 'https://www.kela.fi/elakkeensaajan-asumistuki',
  },
  {
    _id: 'kela-study-grant',
    serviceIds: ['e0556386-0ffa-40f2-98aa-770b42dd792a'],
    name: { fi: 'Opintoraha', sv: 'Studiepenning', en: 'Study grant' },
    summary: {
      fi: 'Tukea toisen asteen tai korkea-asteen opiskelijan toimeentuloon.',
      sv: 'Stöd för uppehället under studier på andra stadiet eller högskolenivå.',
      en: 'Support for living costs while studying at upper secondary or higher level.',
    },
    applyOnline: true,
    typicalProcessingDays: 14,
    moreInformationUrl: 'https://www.kela.fi/opintoraha',
  },
  {
    _id: 'kela-student-loan-guarantee',
    serviceIds: ['e0556386-0ffa-40f2-98aa-770b42dd792a'],
    name: { fi: 'Opintolainan valtiontakaus', sv: 'Statsborgen för studielån', en: 'Government guarantee for student loans' },
    summary: {
      fi: 'Valtio takaa opiskelijan pankista ottaman opintolainan.',
      sv: 'Staten borgar för studielånet som studeranden tar i en bank.',
      en: 'The state guarantees the student loan a student takes from a bank.',
    },
    applyOnline: true,
    typicalProcessingDays: 14,
    moreInformationUrl: 'https://www.kela.fi/opintolaina',
  },
  {
    _id: 'kela-basic-unemployment-allowance',
    serviceIds: ['8c6e25e9-e186-49fd-852c-f6f168d1351f'],
    name: { fi: 'Peruspäiväraha', sv: 'Grunddagpenning', en: 'Basic unemployment allowance' },
    summary: {
      fi: 'Työttömyysturva työttömälle, joka ei kuulu työttömyyskassaan.',
      sv: 'Arbetslöshetsskydd för arbetslösa som inte hör till en arbetslöshetskassa.',
      en: 'Unemployment security for people who are not members of an unemployment fund.',
    },
    applyOnline: true,
    typicalProcessingDays: 21,
    moreInformationUrl: 'https://www.kela.fi/peruspaivaraha',
  },
  {
    _id: 'kela-labour-market-subsidy',
    serviceIds: ['8c6e25e9-e186-49fd-852c-f6f168d1351f'],
    name: { fi: 'Työmarkkinatuki', sv: 'Arbetsmarknadsstöd', en: 'Labour market subsidy' },
    summary: {
      fi: 'Tukea työttömälle, joka tulee ensimmäistä kertaa työmarkkinoille tai on ollut pitkään työttömänä.',
      sv: 'Stöd för arbetslösa som kommer ut på arbetsmarknaden för första gången eller länge varit arbetslösa.',
      en: 'Support for unemployed people entering the labour market for the first time or unemployed for a long time.',
    },
    applyOnline: true,
    typicalProcessingDays: 21,
    moreInformationUrl: 'https://www.kela.fi/tyomarkkinatuki',
  },
  {
    _id: 'kela-child-benefit',
    serviceIds: ['aeb60b1d-2872-4841-9704-652246948990'],
    name: { fi: 'Lapsilisä', sv: 'Barnbidrag', en: 'Child benefit' },
    summary: {
      fi: 'Tukea jokaisesta Suomessa asuvasta alle 17-vuotiaasta lapsesta.',
      sv: 'Stöd för varje barn under 17 år som bor i Finland.',
      en: 'Support for each child under 17 living in Finland.',
    },
    applyOnline: true,
    typicalProcessingDays: 14,
    moreInformationUrl: 'https://www.kela.fi/lapsilisa',
  },
  {
    _id: 'kela-sickness-allowance',
    serviceIds: ['6529e1c2-b9ac-4f00-8e8b-6d13616ccf81'],
    name: { fi: 'Sairauspäiväraha', sv: 'Sjukdagpenning', en: 'Sickness allowance' },
    summary: {
      fi: 'Korvaa ansionmenetystä, kun sairaus estää työnteon.',
      sv: 'Ersätter inkomstbortfall när sjukdom hindrar arbete.',
      en: 'Compensates for lost income when illness prevents you from working.',
    },
    applyOnline: true,
    typicalProcessingDays: 14,
    moreInformationUrl: 'https://www.kela.fi/sairauspaivaraha',
  },
  {
    _id: 'kela-basic-social-assistance',
    serviceIds: ['ff059acf-de3f-468d-8b6a-9a492d301cda'],
    name: { fi: 'Perustoimeentulotuki', sv: 'Grundläggande utkomststöd', en: 'Basic social assistance' },
    summary: {
      fi: 'Viimesijainen tuki välttämättömiin menoihin, kun tulot ja varat eivät riitä.',
      sv: 'Stöd i sista hand för nödvändiga utgifter när inkomster och tillgångar inte räcker.',
      en: 'Last-resort support for essential expenses when income and assets are not enough.',
    },
    applyOnline: true,
    typicalProcessingDays: 7,
    moreInformationUrl: 'https://www.kela.fi/toimeentulotuki',
  },
];
