import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Benefit } from './benefit';
import type { KelaContext } from './loaders';
import { Service } from './service';

@Resolver(() => Service)
export class ServiceBenefitsResolver {
  @FieldResolver(() => [Benefit], {
    nullable: true,
    description:
      'Benefits of the national benefits agency this service leads to (example data). Null, with an error naming kela, only while the kela subgraph cannot answer: the rest of the service still comes.',
  })
  async benefits(@Root() service: Service, @Ctx() { loaders }: KelaContext): Promise<Benefit[]> {
    return (await loaders.benefitsByService.load(service.id)).map((document) => new Benefit(document));
  }
}

@Resolver(() => Benefit)
export class BenefitResolver {
  @Query(() => Benefit, { nullable: true, description: 'One benefit of the national benefits agency by id; null when there is none.' })
  async benefit(@Arg('id', () => ID) id: string, @Ctx() { repository }: KelaContext): Promise<Benefit | null> {
    const document = await repository.benefitById(id);
    return document ? new Benefit(document) : null;
  }
}
