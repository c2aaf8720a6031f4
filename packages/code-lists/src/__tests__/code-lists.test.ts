import {
  areaDistance,
  DIMENSIONS,
  dimensionOf,
  isLifeEventCode,
  isMunicipalityCode,
  LIFE_EVENTS,
  lifeEvent,
  METERS,
  meterOf,
  MUNICIPALITIES,
  municipality,
  SERVICE_CLASSES,
  serviceClass,
} from '../index';

describe('code lists', () => {
  it('know every municipality and life event, and nothing else', () => {
    expect(MUNICIPALITIES).toHaveLength(309);
    expect(MUNICIPALITIES.find((municipality) => municipality.code === '491')?.name).toEqual({ fi: 'Mikkeli', sv: 'S:t Michel', en: 'Mikkeli' });
    expect(isMunicipalityCode('491')).toBe(true);
    expect(isMunicipalityCode('999')).toBe(false);
    expect(LIFE_EVENTS.map((event) => event.code).slice(0, 3)).toEqual(['KE1', 'KE1.1', 'KE2']);
    expect(LIFE_EVENTS.find((event) => event.code === 'KE4.1')?.parent).toBe('KE4');
    expect(isLifeEventCode('KE8')).toBe(true);
    expect(isLifeEventCode('KE99')).toBe(false);
  });
});

describe('municipalities', () => {
  it('each belong to a region and a wellbeing services county, which tell how near two are', () => {
    for (const entry of MUNICIPALITIES) {
      expect(entry.region).toMatch(/^\d{2}$/);
      expect(entry.wellbeingCounty).toMatch(/^\d{2}$/);
    }
    expect(municipality('491')).toMatchObject({ region: '10', wellbeingCounty: '12' });
    expect(areaDistance('491', '491')).toBe(0);
    expect(areaDistance('491', '593')).toBe(1); // Pieksämäki: South Savo, as Mikkeli
    expect(areaDistance('091', '049')).toBe(2); // Helsinki and Espoo: Uusimaa, two counties
    expect(areaDistance('491', '405')).toBe(3); // Lappeenranta: another region
    expect(areaDistance('491', '999')).toBe(3);
  });
});

describe('service classes', () => {
  it('know every PTV service class with its parent, in three languages', () => {
    expect(SERVICE_CLASSES.length).toBeGreaterThan(220);
    expect(serviceClass('P10.6')).toEqual({ code: 'P10.6', name: expect.objectContaining({ en: 'Support and benefits for the unemployed' }), parent: 'P10' });
    expect(serviceClass('P10')?.parent).toBeNull();
    expect(serviceClass('P99')).toBeUndefined();
    expect(lifeEvent('KE8')?.name.sv).toBe('Att bli arbetslös');
  });
});

describe('3X10D meters', () => {
  it('name each meter as an input field and as a dimension, in the same order', () => {
    expect(METERS).toHaveLength(10);
    expect(DIMENSIONS).toHaveLength(10);
    expect(dimensionOf('improvementOfStrengths')).toBe('IMPROVEMENT_OF_STRENGTHS');
    expect(meterOf('WORKING_STUDYING')).toBe('workingStudying');
    for (const meter of METERS) expect(meterOf(dimensionOf(meter))).toBe(meter);
  });
});
