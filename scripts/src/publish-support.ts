import { formatFinding, type Finding } from '@aurora/schema';

export { developmentKeyFiles, mintProviderToken } from '@aurora/subgraph-kit';

/** A registry message: a review finding (rule, coordinate, fix) or a plain sentence. */
export function formatFindingLine(item: unknown): string {
  return typeof item === 'object' && item !== null && 'rule' in item ? formatFinding(item as Finding) : String(item);
}
