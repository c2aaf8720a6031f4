import { DIMENSIONS, METERS } from '@aurora/code-lists';
import type { GraphQLEnumType, GraphQLInputObjectType } from 'graphql';
import { buildSubgraphFromSdl, withSharedTypes } from '../index';

describe('the shared value types', () => {
  it('are added to a subgraph that uses them without defining them, from the code lists', () => {
    const schema = buildSubgraphFromSdl('type Query { "A greeting." hello(language: Language, meters: WellbeingInput): [WellbeingDimension!]! }', {});
    const language = schema.getType('Language') as GraphQLEnumType;
    expect(language.getValues().map((value) => value.name)).toEqual(['FI', 'SV', 'EN']);
    expect((schema.getType('WellbeingDimension') as GraphQLEnumType).getValues().map((value) => value.name)).toEqual([...DIMENSIONS]);
    expect(Object.keys((schema.getType('WellbeingInput') as GraphQLInputObjectType).getFields())).toEqual([...METERS]);
  });

  it('leave alone a subgraph that does not use them, or defines its own', () => {
    const plain = 'type Query { "A greeting." hello: String }';
    expect(withSharedTypes(plain)).toBe(plain);
    const own = 'type Query { "A greeting." hello(language: Language): String }\nenum Language { FI }';
    expect(withSharedTypes(own)).toBe(own);
    expect((buildSubgraphFromSdl(own, {}).getType('Language') as GraphQLEnumType).getValues().map((value) => value.name)).toEqual(['FI']);
  });
});
