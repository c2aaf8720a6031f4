import { analyse, analyseTerms, Decompounder, EverydayWords, finnishForms, isForBusinesses, Vocabulary } from '../index';

/** A small corpus in the catalogue's style: the words compounds are split into must be in it. */
function corpus(): Decompounder {
  const vocabulary = new Vocabulary();
  const finnish = [
    'Talous- ja velkaneuvonta auttaa, kun velat ja velkojen maksaminen on vaikeaa.',
    'Velkajärjestely ja velkaantuminen; ongelma, ongelmat ja ongelmien ratkaisu.',
    'Raha-asiat, rahapelit, rahaston tuki. Huolet ja huolehtiminen, huolehtia ja huolellinen apu.',
    'Toimeentulo ja toimeentulon turva. Tuki ja tuen hakeminen; tuki, tuki ja tukea.',
    'Palvelut ja palvelu; palvelut ja palvelu; palvelut.',
  ];
  for (let round = 0; round < 3; round += 1) for (const text of finnish) vocabulary.learn(text, 'fi');
  for (let round = 0; round < 3; round += 1) vocabulary.learn('Skuld och skulder, rådgivning och rådgivning. Barn och barnen, omsorg om barn.', 'sv');
  return new Decompounder(vocabulary);
}

describe('compounds', () => {
  const decompounder = corpus();

  it('splits Finnish compounds into the words the corpus uses', () => {
    expect(decompounder.split('velkaongelma', 'fi')).toEqual([analyse('velka', 'fi'), analyse('ongelma', 'fi')]);
    expect(decompounder.split('rahahuolet', 'fi')).toEqual([analyse('raha', 'fi'), analyse('huolet', 'fi')]);
    expect(decompounder.split('toimeentulotuki', 'fi')).toEqual([analyse('toimeentulo', 'fi'), analyse('tuki', 'fi')]);
  });

  it('splits Swedish compounds, and leaves English and known whole words alone', () => {
    expect(decompounder.split('skuldrådgivning', 'sv')).toEqual([analyse('skuld', 'sv'), analyse('rådgivning', 'sv')]);
    expect(decompounder.split('barnomsorg', 'sv')).toEqual([analyse('barn', 'sv'), analyse('omsorg', 'sv')]);
    expect(decompounder.split('debtcounselling', 'en')).toEqual([]);
    expect(decompounder.split('palvelut', 'fi')).toEqual([]); // known as it is: not pal + velut
    expect(decompounder.split('kissa', 'fi')).toEqual([]); // too short to be a compound
  });

  it('undoes consonant gradation for a word the corpus does not know', () => {
    expect(decompounder.gradations('tuen', 'fi')).toEqual([]); // known as written
    expect(decompounder.gradations('tuet', 'fi')).toContain(analyse('tukea', 'fi'));
    expect(analyseTerms('toimeentulotuen', 'fi', decompounder)).toEqual([
      analyse('toimeentulotuen', 'fi'),
      analyse('toimeentulo', 'fi'),
      analyse('tuen', 'fi'),
    ]);
    expect(analyseTerms('velkaongelma', 'fi')).toEqual([analyse('velkaongelma', 'fi')]); // without a decompounder: the stem alone, as before
    expect(analyseTerms('ja', 'fi', decompounder)).toEqual([]);
  });
});

describe('everyday words', () => {
  const words = EverydayWords.load();

  it("names the catalogue's words for a need said in everyday words, in any language", () => {
    expect(words.find('rahahuolet')).toContain('talous- ja velkaneuvonta');
    expect(words.find('I need a dentist')).toContain('suun terveydenhuolto');
    expect(words.find('jag känner ensamhet')).toContain('vertaistukitoiminta');
    expect(words.find('työuupumus')).toContain('työterveyshuollon palvelut');
    expect(words.find('asumistuen')).toContain('kelan tuet asumiseen'); // inflected, with gradation undone
  });

  it('knows the -us and -nen words as people inflect them, which the stemmer does not bring back', () => {
    expect(finnishForms('ahdistus')).toEqual(['ahdistusta', 'ahdistuksen', 'ahdistuksea'.replace('ea', 'ea')]);
    expect(finnishForms('yksinäinen')).toEqual(['yksinäistä', 'yksinäisen', 'yksinäisiä']);
    expect(finnishForms('ei ystäviä')).toEqual([]);
    expect(words.find('minulla on ahdistusta')).toContain('mielenterveyspalvelut');
    expect(words.find('tunnen itseni yksinäiseksi')).toContain('vertaistukitoiminta');
    expect(words.find('kärsin työuupumuksesta')).toContain('työterveyshuollon palvelut');
  });

  it('reads the longest phrase first and spends its words', () => {
    const housing = words.find('housing allowance');
    expect(housing).toContain('kelan tuet asumiseen');
    expect(housing).not.toContain('kunnan vuokra-asunnot');
    expect(words.find('nothing of that kind')).toEqual([]);
  });
});

describe('services for businesses', () => {
  it('are told by target groups, by name, or by a summary that names a company and no person as the one served', () => {
    expect(isForBusinesses({ fi: 'Yrityksen perustaminen' }, [])).toBe(true);
    expect(isForBusinesses({ fi: 'Toimeentulotuki' }, ['KR2'])).toBe(true);
    expect(isForBusinesses({ fi: 'Toimeentulotuki' }, ['KR1', 'KR2'])).toBe(false);
    expect(isForBusinesses({ fi: 'Takaukset' }, [], { fi: 'Omavelkaisia takauksia vakuudeksi yrityksen rahoitustarpeisiin sen eri kehitysvaiheissa.' })).toBe(
      true,
    );
    expect(isForBusinesses({ fi: 'Vientitakuut' }, [], { fi: 'Vakuutus vientiyritykselle kattamaan vientikauppaan liittyviä luottoriskejä.' })).toBe(true);
    expect(
      isForBusinesses({ fi: 'TäsmäKoulutus' }, [], { fi: 'TäsmäKoulutus on yrityksen ja sen henkilöstön tarpeisiin räätälöityä ammatillista koulutusta.' }),
    ).toBe(true); // staff are not the person asking
    // People beside companies: a service for people too.
    expect(isForBusinesses({ fi: 'Jäteneuvonta' }, [], { fi: 'Jäteneuvontaa toimialueen asukkaille, yrityksille ja yhteisöille.' })).toBe(false);
    expect(
      isForBusinesses({ fi: 'Kuluttajaneuvonta' }, [], { fi: 'Tietoa kuluttajan oikeuksista ja sovitteluapua kuluttajan ja yrityksen välisiin riitoihin.' }),
    ).toBe(false);
    expect(isForBusinesses({ fi: 'Talous- ja velkaneuvonta' }, [], { fi: 'Auttaa henkilöä, joka tarvitsee tukea oman taloutensa hoitamiseen.' })).toBe(false);
  });
});
