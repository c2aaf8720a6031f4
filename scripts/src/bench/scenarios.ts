/** The requests the benchmark sends through the router, each a query frontends really make. */
export const SCENARIOS = [
  {
    name: 'README query: first 5 services with providers',
    query: '{ services(first: 5) { totalCount edges { node { id name(language: FI) provider { name(language: FI) } } } } }',
  },
  {
    name: 'page of 100 services with codes and areas',
    query: '{ services(first: 100, filter: { municipalities: ["491"] }) { totalCount edges { node { id name summary lifeEvents { code } areas { code } } } } }',
  },
  {
    name: 'three subgraphs: housing in Mikkeli with benefits and visiting details',
    query:
      '{ services(filter: { serviceClasses: ["P1"], municipalities: ["491"] }, first: 10) { edges { node { name benefits { name } channels { ... on ServiceLocationChannel { name visitingDetails { accessibility } } } } } } }',
  },
] as const;
