import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A service of the network. The benefits agency adds the benefits it leads to.' })
export class Service {
  @Field(() => ID, { description: "The service's id, as the service directory gives it." })
  id!: string;
}
