import { codedError, ErrorCode } from '@aurora/subgraph-kit';
import type { Recommendation } from './engine';
import type { Resolvers } from './generated/resolvers';
import type { FeedbackKind } from './feedback';
import type { Situation } from './model';
import type { RecommendationService } from './recommendation-service';
import { needLabel, packageExplanation, packageTitle, reasonText } from './texts';
import { packageCount, toSituation } from './validation';
import type { ItemView, PackageView, RecommendationContext } from './views';

export type { RecommendationContext };

const NEARNESS = ['YOUR_MUNICIPALITY', 'YOUR_WELLBEING_SERVICES_COUNTY', 'YOUR_REGION', 'ELSEWHERE'] as const;

const FEEDBACK_KINDS: readonly FeedbackKind[] = ['USED', 'HELPFUL', 'NOT_RELEVANT'];

function views(recommendation: Recommendation, situation: Situation): PackageView[] {
  return recommendation.packages.map((pack) => ({ ...pack, needs: recommendation.needs, language: situation.language }));
}

export function createResolvers(service: RecommendationService): Resolvers {
  return {
    Query: {
      async recommendServicePackages(_, args, context) {
        const first = packageCount(args.first);
        const situation = toSituation(args.situation ?? {});
        return views(await service.recommend(situation, first, context.pseudonym), situation);
      },
      recommendationIndex: () => service.indexStatus(),
    },
    Mutation: {
      async recordFeedback(_, args, context) {
        if (!context.pseudonym) {
          throw codedError(
            ErrorCode.UNAUTHENTICATED,
            'Feedback needs an identity: get a token with POST /identity on the router and send it as Authorization: Bearer <token>.',
          );
        }
        if (!FEEDBACK_KINDS.includes(args.kind)) throw codedError(ErrorCode.BAD_USER_INPUT, `kind must be one of ${FEEDBACK_KINDS.join(', ')}.`);
        if (!(await service.knowsService(args.serviceId))) {
          throw codedError(ErrorCode.NOT_FOUND, `There is no service with the id "${args.serviceId.slice(0, 60)}" in the catalogue.`, {
            argumentName: 'serviceId',
          });
        }
        const record = await service.feedback.record(context.pseudonym, args.serviceId, args.kind);
        return { serviceId: record.serviceId, kind: record.kind, recordedAt: record.recordedAt };
      },
    },
    Me: {
      // The attributes arrive in the representation, for this request only; nothing of them is stored.
      __resolveReference: (representation) => representation,
      async recommendations(me, args, context) {
        const first = packageCount(args.first);
        const shared = me.recommendationAttributes ?? {};
        const situation = toSituation(
          {
            lifeEvents: shared.lifeEvents ?? null,
            municipality: shared.municipality ?? null,
            age: shared.age ?? null,
            wellbeing: shared.wellbeing ?? null,
            language: shared.language ?? null,
            interests: shared.interests ?? null,
          },
          'me.recommendationAttributes',
        );
        return views(await service.recommend(situation, first, context.pseudonym), situation);
      },
    },
    ServicePackage: {
      title: (pack, args) => packageTitle(pack, args.language ?? pack.language),
      explanation: (pack, args) => packageExplanation(pack, pack.needs, args.language ?? pack.language),
      services: (pack) => pack.items.map((item) => ({ __typename: 'Service', id: item.serviceId })),
      items: (pack): ItemView[] => pack.items.map((item) => ({ ...item, language: pack.language })),
      needs: (pack) => pack.covered.map((entry) => ({ ...entry.need, answerLanguage: pack.language })),
    },
    ServicePackageItem: {
      service: (item) => ({ __typename: 'Service', id: item.serviceId }),
      reasons: (item, args) => item.reasons.map((reason) => reasonText(reason, args.language ?? item.language)),
      need: (item) => (item.need ? { ...item.need, answerLanguage: item.language } : null),
      wellbeingLabels: (item) => item.labels,
      placeToVisit: (item) =>
        item.place
          ? {
              channel: { __typename: 'ServiceLocationChannel', id: item.place.channelId },
              municipalityCode: item.place.municipality,
              nearness: item.place.distance === null ? 'UNKNOWN' : NEARNESS[item.place.distance],
            }
          : null,
    },
    Need: {
      label: (need, args) => needLabel(need, args.language ?? need.answerLanguage ?? 'FI'),
      weight: (need) => Math.round(need.weight * 1000) / 1000,
    },
  };
}
