import { createEmbeddedStore } from '@aurora/store';
import { createLogger } from '@aurora/subgraph-kit';
import { createServiceDirectory } from '@aurora/service-directory';
(async () => {
  const d = await createServiceDirectory({ store: createEmbeddedStore(), logger: createLogger('x', 'warn') });
  const s = await d.listen(0);
  const q = async (query: string) => (await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
  const r = await q('{ services(first: 100, filter: {serviceClasses: ["P1"], municipalities: ["491"]}) { totalCount edges { node { id name origin channels { __typename } } } } }');
  for (const e of r.data.services.edges) console.log(e.node.id, e.node.origin, e.node.name, e.node.channels.map((c: any) => c.__typename).join(','));
  const g = await q('{ services(first: 100, filter: {serviceClasses: ["P2","P3","P4","P5"]}) { totalCount } }'); console.log(JSON.stringify(g));
  await s.close();
})();
