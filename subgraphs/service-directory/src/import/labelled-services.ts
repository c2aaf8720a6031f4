import type { ServiceDocument, WellbeingDimension } from '../model';
import { readCsv } from './read-source';
import { sortKey } from './text';

/** The Finnish column names of the 3X10D label sheets and the meters they stand for. */
const METER_COLUMNS: Record<string, WellbeingDimension> = {
  terveys: 'HEALTH',
  'vaikeuksien voittaminen': 'RESILIENCE',
  asuminen: 'HOUSING',
  'opiskelu tai työ': 'WORKING_STUDYING',
  perhe: 'FAMILY',
  ystävät: 'FRIENDS',
  'raha-asiat': 'FINANCE',
  'itsensä kehittäminen': 'IMPROVEMENT_OF_STRENGTHS',
  itsetunto: 'SELF_ESTEEM',
  'tyytyväisyys elämään': 'LIFE_SATISFACTION',
};

/** Each sheet and where its services are offered (null: nationwide; else a municipality code). */
const SHEETS: { file: string; area: string | null | 'column' }[] = [
  { file: '3x10d_labels/palvelut_turku_oulu_mikkeli__kansalliset.csv', area: null },
  { file: '3x10d_labels/palvelut_turku_oulu_mikkeli__Turku.csv', area: '853' },
  { file: '3x10d_labels/palvelut_turku_oulu_mikkeli__Oulu.csv', area: '564' },
  { file: '3x10d_labels/palvelut_turku_oulu_mikkeli__Mikkeli.csv', area: '491' },
  { file: '3x10d_labels/services_national_mikkeli_turku_oulu__services.csv', area: 'column' },
];

/** The label sheets' publication (the source commit's date): their records' modification time. */
const LABELS_PUBLISHED = '2023-09-11T00:00:00.000Z';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The real PTV services of the AuroraAI 3X10D label sheets. A service listed in several sheets
 * becomes one record: offered nationwide if any sheet says so, else in every municipality listed,
 * with the union of its labels.
 */
export function readLabelledServices(root: string): ServiceDocument[] {
  const services = new Map<string, ServiceDocument>();
  for (const sheet of SHEETS) {
    const rows = readCsv(root, sheet.file, { requiredColumns: ['id', 'Name', 'serviceSummary'] });
    for (const row of rows) {
      const id = row.id?.trim().toLowerCase();
      if (!id || !UUID.test(id) || !row.Name?.trim()) continue;
      const area = sheet.area === 'column' ? (row.municipalityCode === 'national' ? null : (row.municipalityCode ?? null)) : sheet.area;
      const labels = Object.entries(METER_COLUMNS)
        .filter(([column]) => row[column]?.trim().toLowerCase() === 'x')
        .map(([, dimension]) => dimension);
      const existing = services.get(id);
      if (existing) {
        if (area === null) {
          existing.coverage = 'NATIONWIDE';
          existing.municipalities = [];
        } else if (existing.coverage === 'LOCAL' && !existing.municipalities.includes(area)) {
          existing.municipalities.push(area);
        }
        existing.wellbeingDimensions = [...new Set([...existing.wellbeingDimensions, ...labels])];
        if (!existing.summary.fi && row.serviceSummary) existing.summary = { fi: row.serviceSummary.trim() };
        continue;
      }
      services.set(id, {
        _id: id,
        name: { fi: row.Name.trim() },
        summary: row.serviceSummary?.trim() ? { fi: row.serviceSummary.trim() } : {},
        description: {},
        sortName: sortKey(row.Name),
        providerId: null,
        lifeEvents: [],
        serviceClasses: [],
        targetGroups: [],
        coverage: area === null ? 'NATIONWIDE' : 'LOCAL',
        municipalities: area === null ? [] : [area],
        languages: [],
        channelIds: [],
        wellbeingDimensions: labels,
        fundingType: null,
        chargeType: null,
        access: 'OPEN',
        origin: 'LABELLED_CATALOGUE',
        generalDescriptionCode: null,
        status: 'ACTIVE',
        modified: LABELS_PUBLISHED,
        channelKinds: [],
        ontologyConcepts: [],
        keywords: [],
      });
    }
  }
  for (const service of services.values()) {
    service.wellbeingDimensions.sort();
    service.municipalities.sort();
  }
  return [...services.values()];
}
