import { localise, type LocalisedText } from '@aurora/subgraph-kit';
import { Arg, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The network's languages; the same enum the service directory declares. */
export enum Language {
  FI = 'FI',
  SV = 'SV',
  EN = 'EN',
}

registerEnumType(Language, {
  name: 'Language',
  description: 'A language of the network. Texts fall back fi → sv → en when a translation is missing.',
  valuesConfig: { FI: { description: 'Finnish' }, SV: { description: 'Swedish' }, EN: { description: 'English' } },
});

/** A benefit as stored. */
export interface BenefitDocument {
  _id: string;
  serviceIds: string[];
  name: LocalisedText;
  summary: LocalisedText;
  applyOnline: boolean;
  typicalProcessingDays: number | null;
  moreInformationUrl: string | null;
  [field: string]: unknown;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A benefit of the national benefits agency that a service leads to. Example data.' })
export class Benefit {
  constructor(private readonly document: BenefitDocument) {}

  @Field(() => ID, { description: "The benefit's id." })
  get id(): string {
    return this.document._id;
  }

  @Field(() => String, { nullable: true, description: "The benefit's name." })
  name(@Arg('language', () => Language, { nullable: true, defaultValue: Language.FI }) language: Language): string | null {
    return localise(this.document.name, language);
  }

  @Field(() => String, { nullable: true, description: 'Who the benefit is for and what it covers.' })
  summary(@Arg('language', () => Language, { nullable: true, defaultValue: Language.FI }) language: Language): string | null {
    return localise(this.document.summary, language);
  }

  @Field(() => Boolean, { description: 'Whether the benefit can be applied for online.' })
  get applyOnline(): boolean {
    return this.document.applyOnline;
  }

  @Field(() => Int, { nullable: true, description: 'Typical processing time of an application, in days.' })
  get typicalProcessingDays(): number | null {
    return this.document.typicalProcessingDays;
  }

  @Field(() => String, { nullable: true, description: 'Where to read more.' })
  get moreInformationUrl(): string | null {
    return this.document.moreInformationUrl;
  }

  @Field(() => Boolean, { description: 'True: this record is example data written for the network, not official information.' })
  get exampleData(): boolean {
    return true;
  }
}
