import { randomUUID } from 'node:crypto';
import { codedError, ErrorCode } from '@aurora/subgraph-kit';
import type { Resolvers } from './generated/resolvers';
import type { ProfileContext } from './loaders';
import {
  ATTRIBUTE_NAMES,
  EMPTY_ATTRIBUTES,
  type AttributeName,
  type ConsentPurpose,
  type MeValue,
  type ProfileDocument,
  type SharedAttributes,
  type SharedValues,
} from './model';
import type { ProfileRepository } from './repository';
import { applyAttributes } from './validation';

function requirePseudonym(context: ProfileContext): string {
  if (!context.pseudonym)
    throw codedError(ErrorCode.UNAUTHENTICATED, 'This needs your identity token: send it as "Authorization: Bearer <token>" (POST /identity makes one).');
  return context.pseudonym;
}

const newMe = (pseudonym: string): MeValue => ({ handle: randomUUID(), pseudonym });

async function profileOf(me: MeValue, context: ProfileContext): Promise<ProfileDocument | null> {
  return context.loaders.profile.load(me.pseudonym);
}

/** Only the attributes the person consented to share for the purpose; the rest are null. */
async function shared(me: MeValue, purpose: ConsentPurpose, context: ProfileContext): Promise<SharedAttributes> {
  const profile = await profileOf(me, context);
  const allowed = new Set(profile?.consents.find((consent) => consent.purpose === purpose)?.attributes ?? []);
  const attributes = profile?.attributes ?? EMPTY_ATTRIBUTES;
  const pick = <K extends keyof SharedValues>(name: AttributeName, field: K): SharedValues[K] => (allowed.has(name) ? attributes[field] : null);
  return {
    age: pick('AGE', 'age'),
    municipality: pick('MUNICIPALITY', 'municipality'),
    lifeEvents: pick('LIFE_EVENTS', 'lifeEvents'),
    language: pick('LANGUAGE', 'language'),
    wellbeing: pick('WELLBEING', 'wellbeing'),
    interests: pick('INTERESTS', 'interests'),
    consented: ATTRIBUTE_NAMES.filter((name) => allowed.has(name)),
  };
}

export function createResolvers(repository: ProfileRepository): Resolvers {
  const change = async (context: ProfileContext, update: (profile: ProfileDocument) => ProfileDocument): Promise<MeValue> => {
    const pseudonym = requirePseudonym(context);
    const profile = update(await repository.get(pseudonym));
    await repository.save(profile);
    context.loaders.profile.clear(pseudonym).prime(pseudonym, profile);
    return newMe(pseudonym);
  };
  const servedByRouter = () => {
    throw codedError(ErrorCode.BAD_USER_INPUT, "exportMyData and deleteMyData are answered by the router; send them to the network's /graphql.");
  };
  return {
    Query: {
      me: (_, __, context) => (context.pseudonym ? newMe(context.pseudonym) : null),
    },
    Mutation: {
      updateMyAttributes: (_, { input }, context) => change(context, (profile) => ({ ...profile, attributes: applyAttributes(profile.attributes, input) })),
      grantConsent: (_, { purpose, attributes }, context) =>
        change(context, (profile) => {
          const current = profile.consents.find((consent) => consent.purpose === purpose)?.attributes ?? [];
          const granted = ATTRIBUTE_NAMES.filter((name) => current.includes(name) || attributes.includes(name));
          return {
            ...profile,
            consents: [
              ...profile.consents.filter((consent) => consent.purpose !== purpose),
              { purpose, attributes: granted, grantedAt: new Date().toISOString() },
            ],
          };
        }),
      revokeConsent: (_, { purpose, attributes }, context) =>
        change(context, (profile) => {
          const current = profile.consents.find((consent) => consent.purpose === purpose)?.attributes ?? [];
          const kept = attributes ? current.filter((name) => !attributes.includes(name)) : [];
          const others = profile.consents.filter((consent) => consent.purpose !== purpose);
          return { ...profile, consents: kept.length > 0 ? [...others, { purpose, attributes: kept, grantedAt: new Date().toISOString() }] : others };
        }),
      exportMyData: servedByRouter,
      deleteMyData: servedByRouter,
    },
    Me: {
      __resolveReference: (reference, context) => (context.pseudonym ? { handle: reference.handle, pseudonym: context.pseudonym } : null),
      attributes: async (me, _, context) => (await profileOf(me, context))?.attributes ?? EMPTY_ATTRIBUTES,
      consents: async (me, _, context) => [...((await profileOf(me, context))?.consents ?? [])].sort((a, b) => a.purpose.localeCompare(b.purpose)),
      recommendationAttributes: (me, _, context) => shared(me, 'RECOMMENDATION', context),
      serviceTransferAttributes: (me, _, context) => shared(me, 'SERVICE_TRANSFER', context),
      eligibilityAttributes: (me, _, context) => shared(me, 'ELIGIBILITY', context),
    },
  };
}
