import { randomUUID } from 'node:crypto';
import { codedError, ErrorCode, type SubgraphResolvers } from '@aurora/subgraph-kit';
import type { ProfileContext } from './loaders';
import { ATTRIBUTE_NAMES, EMPTY_ATTRIBUTES, type AttributeName, type Attributes, type ConsentPurpose, type MeValue, type ProfileDocument } from './model';
import type { ProfileRepository } from './repository';
import { applyAttributes, type AttributesInput } from './validation';

const ATTRIBUTE_FIELDS: Record<AttributeName, keyof Attributes> = {
  AGE: 'age',
  MUNICIPALITY: 'municipality',
  LIFE_EVENTS: 'lifeEvents',
  LANGUAGE: 'language',
  WELLBEING: 'wellbeing',
  INTERESTS: 'interests',
};

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
async function shared(me: MeValue, purpose: ConsentPurpose, context: ProfileContext) {
  const profile = await profileOf(me, context);
  const allowed = new Set(profile?.consents.find((consent) => consent.purpose === purpose)?.attributes ?? []);
  const attributes = profile?.attributes ?? EMPTY_ATTRIBUTES;
  return Object.fromEntries(ATTRIBUTE_NAMES.map((name) => [ATTRIBUTE_FIELDS[name], allowed.has(name) ? attributes[ATTRIBUTE_FIELDS[name]] : null]));
}

export function createResolvers(repository: ProfileRepository): SubgraphResolvers {
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
      me: (_: unknown, __: unknown, context: ProfileContext) => (context.pseudonym ? newMe(context.pseudonym) : null),
    },
    Mutation: {
      updateMyAttributes: (_: unknown, { input }: { input: AttributesInput }, context: ProfileContext) =>
        change(context, (profile) => ({ ...profile, attributes: applyAttributes(profile.attributes, input) })),
      grantConsent: (_: unknown, { purpose, attributes }: { purpose: ConsentPurpose; attributes: AttributeName[] }, context: ProfileContext) =>
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
      revokeConsent: (_: unknown, { purpose, attributes }: { purpose: ConsentPurpose; attributes?: AttributeName[] | null }, context: ProfileContext) =>
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
      __resolveReference: (reference: { handle: string }, context: ProfileContext) =>
        context.pseudonym ? { handle: reference.handle, pseudonym: context.pseudonym } : null,
      attributes: async (me: MeValue, _: unknown, context: ProfileContext) => (await profileOf(me, context))?.attributes ?? EMPTY_ATTRIBUTES,
      consents: async (me: MeValue, _: unknown, context: ProfileContext) =>
        [...((await profileOf(me, context))?.consents ?? [])].sort((a, b) => a.purpose.localeCompare(b.purpose)),
      recommendationAttributes: (me: MeValue, _: unknown, context: ProfileContext) => shared(me, 'RECOMMENDATION', context),
      serviceTransferAttributes: (me: MeValue, _: unknown, context: ProfileContext) => shared(me, 'SERVICE_TRANSFER', context),
    },
  } as SubgraphResolvers;
}
