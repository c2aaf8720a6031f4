import type { LocalisedText } from '@aurora/subgraph-kit';

export type EligibilityAttribute = 'AGE' | 'MUNICIPALITY' | 'LIFE_EVENTS';
export type EligibilityResult = 'LIKELY' | 'UNLIKELY' | 'UNKNOWN';

/** What a rule reads: only what the person shared for ELIGIBILITY, for this request. */
export interface EligibilityFacts {
  age: number | null;
  municipality: string | null;
  lifeEvents: string[] | null;
}

export interface Decision {
  result: EligibilityResult;
  reasons: LocalisedText[];
  /** Attributes that were shared but not given, and that would let the rule answer. */
  missing: EligibilityAttribute[];
}

export interface EligibilityRule {
  benefitId: string;
  /** What the rule reads; the person must consent to share all of it for ELIGIBILITY. */
  needs: EligibilityAttribute[];
  decide(facts: EligibilityFacts): Decision;
}

const EXAMPLE_NOTE: LocalisedText = {
  fi: 'Tämä on suuntaa antava arvio esimerkkisäännöistä, ei päätös. Kela ratkaisee hakemuksen.',
  sv: 'Detta är en riktgivande uppskattning enligt exempelregler, inte ett beslut. FPA avgör ansökan.',
  en: 'This is an indicative estimate from example rules, not a decision. Kela decides on the application.',
};

const UNKNOWN_AGE: LocalisedText = {
  fi: 'Ikäsi ei ole profiilissasi; lisää se, niin saat arvion.',
  sv: 'Din ålder finns inte i din profil; lägg till den för att få en uppskattning.',
  en: 'Your age is not in your profile; add it to get an estimate.',
};

const has = (facts: EligibilityFacts, ...codes: string[]) =>
  (facts.lifeEvents ?? []).some((code) => codes.some((wanted) => code === wanted || code.startsWith(`${wanted}.`)));
const decided = (result: EligibilityResult, reason: LocalisedText): Decision => ({ result, reasons: [reason, EXAMPLE_NOTE], missing: [] });
const unknown = (missing: EligibilityAttribute[], reason: LocalisedText): Decision => ({ result: 'UNKNOWN', reasons: [reason, EXAMPLE_NOTE], missing });

/**
 * EXAMPLE RULES, written for the Aurora network to show an eligibility check: simplified from the
 * public descriptions of five Kela benefits, they are not Kela's conditions and decide nothing.
 * Each reads only age, home municipality and life events, as the person shares them.
 */
export const EXAMPLE_RULES: EligibilityRule[] = [
  {
    benefitId: 'kela-general-housing-allowance',
    needs: ['AGE', 'MUNICIPALITY', 'LIFE_EVENTS'],
    decide(facts) {
      if (facts.age === null || facts.municipality === null)
        return unknown([...(facts.age === null ? (['AGE'] as const) : []), ...(facts.municipality === null ? (['MUNICIPALITY'] as const) : [])], {
          fi: 'Asumistuki on Suomessa asuville aikuisille; lisää ikäsi ja kotikuntasi profiiliisi.',
          sv: 'Bostadsbidrag är för vuxna som bor i Finland; lägg till din ålder och hemkommun i profilen.',
          en: 'Housing allowance is for adults living in Finland; add your age and home municipality to your profile.',
        });
      if (facts.age < 18)
        return decided('UNLIKELY', {
          fi: 'Alle 18-vuotiaan asumismenot kuuluvat yleensä perheen tukeen.',
          sv: 'Boendeutgifterna för den som är under 18 hör oftast till familjens stöd.',
          en: "Housing costs of people under 18 usually fall under their family's support.",
        });
      if (has(facts, 'KE8', 'KE9', 'KE4', 'KE3', 'KE7'))
        return decided('LIKELY', {
          fi: 'Työn menetys, velat, muutto tai opintojen alku pienentävät usein tuloja suhteessa asumismenoihin.',
          sv: 'Att förlora jobbet, skulder, en flytt eller studier minskar ofta inkomsterna i förhållande till boendeutgifterna.',
          en: 'Losing a job, debt, moving or starting studies often lowers income compared with housing costs.',
        });
      return unknown([], {
        fi: 'Asumistuki riippuu kotitalouden tuloista, joita verkosto ei tiedä.',
        sv: 'Bostadsbidraget beror på hushållets inkomster, som nätverket inte känner till.',
        en: "Housing allowance depends on the household's income, which the network does not know.",
      });
    },
  },
  {
    benefitId: 'kela-study-grant',
    needs: ['AGE', 'LIFE_EVENTS'],
    decide(facts) {
      if (facts.age === null) return unknown(['AGE'], UNKNOWN_AGE);
      if (facts.age < 17)
        return decided('UNLIKELY', {
          fi: 'Opintorahaa saa yleensä 17 vuotta täyttänyt.',
          sv: 'Studiepenning betalas oftast från 17 års ålder.',
          en: 'The study grant is usually paid from the age of 17.',
        });
      if (has(facts, 'KE3'))
        return decided('LIKELY', {
          fi: 'Aloitat päätoimiset opinnot, joihin opintoraha on tarkoitettu.',
          sv: 'Du börjar studera på heltid, vilket studiepenningen är avsedd för.',
          en: 'You are starting full-time studies, which the study grant is for.',
        });
      return decided('UNLIKELY', {
        fi: 'Opintoraha on päätoimisille opiskelijoille; tilanteessasi ei ole opintojen alkua.',
        sv: 'Studiepenning är för heltidsstuderande; din situation nämner inte studier.',
        en: 'The study grant is for full-time students; your situation does not mention starting studies.',
      });
    },
  },
  {
    benefitId: 'kela-basic-unemployment-allowance',
    needs: ['AGE', 'LIFE_EVENTS'],
    decide(facts) {
      if (facts.age === null) return unknown(['AGE'], UNKNOWN_AGE);
      if (facts.age < 17 || facts.age >= 65)
        return decided('UNLIKELY', {
          fi: 'Peruspäivärahaa maksetaan 17–64-vuotiaille.',
          sv: 'Grunddagpenning betalas till personer i åldern 17–64 år.',
          en: 'The basic unemployment allowance is paid to people aged 17 to 64.',
        });
      if (has(facts, 'KE8'))
        return decided('LIKELY', {
          fi: 'Olet menettänyt työsi; ilmoittaudu työnhakijaksi ensin.',
          sv: 'Du har förlorat ditt arbete; anmäl dig först som arbetssökande.',
          en: 'You have lost your job; register as a jobseeker first.',
        });
      return decided('UNLIKELY', {
        fi: 'Peruspäiväraha on työttömille; tilanteessasi ei ole työn menetystä.',
        sv: 'Grunddagpenning är för arbetslösa; din situation nämner inte att du förlorat jobbet.',
        en: 'The basic unemployment allowance is for unemployed people; your situation does not mention losing a job.',
      });
    },
  },
  {
    benefitId: 'kela-child-benefit',
    needs: ['LIFE_EVENTS'],
    decide(facts) {
      if (has(facts, 'KE1'))
        return decided('LIKELY', {
          fi: 'Lapsilisää maksetaan jokaisesta alle 17-vuotiaasta lapsesta.',
          sv: 'Barnbidrag betalas för varje barn under 17 år.',
          en: 'Child benefit is paid for every child under 17.',
        });
      return decided('UNLIKELY', {
        fi: 'Lapsilisä on lapsen huoltajalle; tilanteessasi ei ole lapsen syntymää tai adoptiota.',
        sv: 'Barnbidrag är för barnets vårdnadshavare; din situation nämner inte ett barn.',
        en: "Child benefit is for a child's guardian; your situation does not mention having a child.",
      });
    },
  },
  {
    benefitId: 'kela-sickness-allowance',
    needs: ['AGE', 'LIFE_EVENTS'],
    decide(facts) {
      if (facts.age === null) return unknown(['AGE'], UNKNOWN_AGE);
      if (facts.age < 16 || facts.age > 67)
        return decided('UNLIKELY', {
          fi: 'Sairauspäivärahaa maksetaan 16–67-vuotiaille.',
          sv: 'Sjukdagpenning betalas till personer i åldern 16–67 år.',
          en: 'Sickness allowance is paid to people aged 16 to 67.',
        });
      if (has(facts, 'KE11', 'KE12'))
        return decided('LIKELY', {
          fi: 'Sairastuminen voi estää työnteon; tarvitset lääkärintodistuksen.',
          sv: 'En sjukdom kan hindra dig från att arbeta; du behöver ett läkarintyg.',
          en: 'Falling ill can stop you working; you will need a medical certificate.',
        });
      return unknown([], {
        fi: 'Sairauspäiväraha riippuu työkyvystäsi, jota verkosto ei tiedä.',
        sv: 'Sjukdagpenningen beror på din arbetsförmåga, som nätverket inte känner till.',
        en: 'Sickness allowance depends on your ability to work, which the network does not know.',
      });
    },
  },
];
