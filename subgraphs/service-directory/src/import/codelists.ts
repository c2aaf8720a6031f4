import type { LocalisedText } from '@aurora/subgraph-kit';
import { codeId, type CodeDocument, type CodeListName } from '../model';
import { isArray, readCsv, readJson } from './read-source';

interface FintoConcept {
  Notation: string;
  BroaderUris: string[] | null;
  Label: { Fi?: string; Sv?: string; En?: string } | null;
  Notes: { Fi?: string; Sv?: string; En?: string } | null;
  OldUri: string | null;
}

interface KoodistoCode {
  codeValue: string;
  prefLabel: { fi?: string; sv?: string; en?: string };
}

function text(label: { Fi?: string; Sv?: string; En?: string } | null): LocalisedText {
  const result: LocalisedText = {};
  if (label?.Fi) result.fi = label.Fi;
  if (label?.Sv) result.sv = label.Sv;
  if (label?.En) result.en = label.En;
  return result;
}

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** Looks codes up by what older sources use instead of them: old URNs and Finnish labels. */
export class CodeIndex {
  private readonly byOldUri = new Map<string, string>();
  private readonly byFinnishLabel = new Map<string, string>();
  readonly municipalityByName = new Map<string, string>();
  readonly known = new Set<string>();

  add(document: CodeDocument, oldUri: string | null): void {
    this.known.add(document._id);
    if (oldUri) this.byOldUri.set(`${document.list}|${oldUri}`, document.code);
    if (document.name.fi) this.byFinnishLabel.set(`${document.list}|${document.name.fi.toLowerCase()}`, document.code);
    if (document.list === 'municipality') {
      for (const name of [document.name.fi, document.name.sv]) if (name) this.municipalityByName.set(name.toLowerCase(), document.code);
    }
  }

  fromOldUri(list: CodeListName, uri: string): string | undefined {
    return this.byOldUri.get(`${list}|${uri}`);
  }

  fromFinnishLabel(list: CodeListName, label: string): string | undefined {
    return this.byFinnishLabel.get(`${list}|${label.trim().toLowerCase()}`);
  }

  /** A municipality written as "491", "491 Mikkeli", "Mikkeli 491" or "Mikkeli". */
  municipality(written: string): string | undefined {
    const digits = /\b(\d{3})\b/.exec(written)?.[1];
    if (digits && this.known.has(codeId('municipality', digits))) return digits;
    return this.municipalityByName.get(written.replace(/\d+/g, '').trim().toLowerCase());
  }
}

function fintoCodes(root: string, file: string, list: CodeListName, index: CodeIndex): CodeDocument[] {
  const concepts = readJson<FintoConcept[]>(root, file, isArray);
  // ServiceClasses.json lists P7.12 twice; the first entry is kept.
  const seen = new Set<string>();
  const unique = concepts.filter((concept) => !seen.has(concept.Notation) && seen.add(concept.Notation));
  return unique.map((concept) => {
    const broader = concept.BroaderUris?.[0];
    const document: CodeDocument = {
      _id: codeId(list, concept.Notation),
      list,
      code: concept.Notation,
      name: text(concept.Label),
      description: text(concept.Notes),
      parent: broader ? lastSegment(broader) : null,
      region: null,
    };
    index.add(document, concept.OldUri);
    return document;
  });
}

/** A koodistot.suomi.fi code scheme export (`{ codes: [...] }`) as code documents. */
function koodistoCodes(root: string, file: string, list: CodeListName, index: CodeIndex): CodeDocument[] {
  const entries = readJson<{ codes: KoodistoCode[] }>(root, file, (value) => isArray((value as { codes?: unknown }).codes)).codes;
  return entries.map((entry) => {
    const document: CodeDocument = {
      _id: codeId(list, entry.codeValue),
      list,
      code: entry.codeValue,
      name: { ...entry.prefLabel },
      description: {},
      parent: null,
      region: null,
    };
    index.add(document, null);
    return document;
  });
}

/** A Statistics Finland correspondence table (Windows-1252, `;`): municipality code → target code. */
function correspondence(root: string, file: string): Map<string, string> {
  const rows = readCsv(root, file, { delimiter: ';', encoding: 'windows-1252', headerPrefix: 'sourcecode;', requiredColumns: ['sourcecode', 'targetcode'] });
  const targets = new Map<string, string>();
  for (const row of rows) {
    const source = row.sourcecode?.replace(/'/g, '');
    const target = row.targetcode?.replace(/'/g, '');
    if (source && target) targets.set(source, target);
  }
  return targets;
}

/** Reads the code lists: life events, service classes, target groups, municipalities, regions. */
export function readCodeLists(root: string): { codes: CodeDocument[]; index: CodeIndex } {
  const index = new CodeIndex();
  const codes = [
    ...fintoCodes(root, 'codelists/LifeEvents.json', 'lifeEvent', index),
    ...fintoCodes(root, 'codelists/ServiceClasses.json', 'serviceClass', index),
    ...fintoCodes(root, 'codelists/TargetGroups.json', 'targetGroup', index),
  ];

  codes.push(...koodistoCodes(root, 'codelists/region_codes.json', 'region', index));
  codes.push(...koodistoCodes(root, 'codelists/codelist_wellbeing_counties.json', 'wellbeingCounty', index));
  const regionOf = correspondence(root, 'codelists/municipality_to_region.csv');
  const countyOf = correspondence(root, 'codelists/municipality_to_wellbeing_service_county_codes.csv');

  const municipalities = readJson<{ results: KoodistoCode[] }>(root, 'codelists/municipality_codes_2023.json', (value) =>
    isArray((value as { results?: unknown }).results),
  ).results;
  for (const municipality of municipalities) {
    const document: CodeDocument = {
      _id: codeId('municipality', municipality.codeValue),
      list: 'municipality',
      code: municipality.codeValue,
      name: { ...municipality.prefLabel },
      description: {},
      parent: null,
      region: regionOf.get(municipality.codeValue) ?? null,
      wellbeingCounty: countyOf.get(municipality.codeValue) ?? null,
    };
    index.add(document, null);
    codes.push(document);
  }
  return { codes, index };
}

interface JupoConcept {
  id: string;
  label: { fi?: string; sv?: string; en?: string } | null;
}

/** The JUPO ontology's concepts (KOKO URIs) with their fi/sv/en labels. */
export function readOntology(root: string): { id: string; labels: LocalisedText }[] {
  return readJson<JupoConcept[]>(root, 'codelists/jupo.json', isArray)
    .filter((concept) => typeof concept.id === 'string' && concept.label)
    .map((concept) => ({ id: concept.id, labels: { fi: concept.label?.fi, sv: concept.label?.sv, en: concept.label?.en } }));
}
