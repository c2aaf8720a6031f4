import { badUserInput } from '@aurora/subgraph-kit';
import { codeId, type CodeDocument, type CodeListName } from './model';
import type { DirectoryRepository } from './repository';

const LIST_LABEL: Record<CodeListName, { argument: string; query: string }> = {
  lifeEvent: { argument: 'lifeEvents', query: 'lifeEvents' },
  serviceClass: { argument: 'serviceClasses', query: 'serviceClasses' },
  targetGroup: { argument: 'targetGroups', query: 'targetGroups' },
  municipality: { argument: 'municipalities', query: 'municipalities' },
  region: { argument: 'regions', query: 'regions' },
  wellbeingCounty: { argument: 'wellbeingServiceCounties', query: 'wellbeingServiceCounties' },
};

const naturalOrder = (a: CodeDocument, b: CodeDocument) => a.code.localeCompare(b.code, 'en', { numeric: true });

/**
 * The code lists, held in memory: a few hundred entries that every service refers to. Resolving
 * codes from here costs no store query; filters are checked and expanded to sub-codes here.
 */
export class CodeCatalogue {
  private readonly byId = new Map<string, CodeDocument>();
  private readonly children = new Map<string, string[]>();

  constructor(codes: CodeDocument[]) {
    for (const code of [...codes].sort(naturalOrder)) {
      this.byId.set(code._id, code);
      if (code.parent) {
        const key = codeId(code.list, code.parent);
        this.children.set(key, [...(this.children.get(key) ?? []), code.code]);
      }
    }
  }

  static async load(repository: DirectoryRepository): Promise<CodeCatalogue> {
    return new CodeCatalogue(await repository.codes.find({}));
  }

  get(list: CodeListName, code: string): CodeDocument | null {
    return this.byId.get(codeId(list, code)) ?? null;
  }

  resolve(list: CodeListName, codes: readonly string[]): CodeDocument[] {
    return codes.map((code) => this.get(list, code)).filter((code): code is CodeDocument => code !== null);
  }

  all(list: CodeListName): CodeDocument[] {
    return [...this.byId.values()].filter((code) => code.list === list);
  }

  /** The municipalities of the given regions or wellbeing services counties (checked like `expand`). */
  municipalitiesIn(list: 'region' | 'wellbeingCounty', codes: readonly string[]): string[] {
    const wanted = new Set(this.expand(list, codes));
    return this.all('municipality')
      .filter((municipality) => wanted.has((list === 'region' ? municipality.region : municipality.wellbeingCounty) ?? ''))
      .map((municipality) => municipality.code);
  }

  /** The given codes and every code below them; an unknown code is BAD_USER_INPUT naming it. */
  expand(list: CodeListName, codes: readonly string[]): string[] {
    const result = new Set<string>();
    const pending = [...codes];
    for (const code of codes) {
      if (!this.byId.has(codeId(list, code))) {
        const { argument, query } = LIST_LABEL[list];
        throw badUserInput(`Unknown code "${code}" in filter.${argument}. The query ${query} lists the valid codes.`, `filter.${argument}`);
      }
    }
    while (pending.length > 0) {
      const code = pending.pop() as string;
      if (result.has(code)) continue;
      result.add(code);
      pending.push(...(this.children.get(codeId(list, code)) ?? []));
    }
    return [...result].sort();
  }
}
