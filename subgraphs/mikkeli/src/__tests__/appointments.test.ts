import { createEmbeddedStore } from '@aurora/store';
import { AppointmentBook, MAX_UPCOMING } from '../appointments';
import { DateTime, ZONE, type Calendar } from '../calendar';

const PLACE = '00000000-0000-4000-8000-00000000000a';
const SERVICE = '00000000-0000-4000-8000-00000000000b';
const ACTION = `book:${SERVICE}:${PLACE}`;
// Mondays and Wednesdays, 9–11, half an hour each: four times a day.
const CALENDAR: Calendar = { locationId: PLACE, weekdays: [1, 3], opens: '09:00', closes: '11:00', minutes: 30 };
// "Now" is Monday 2027-03-22 at 09:40 in Finland: the first two times of the day have passed.
const NOW = DateTime.fromISO('2027-03-22T09:40:00', { zone: ZONE });
const book = () => new AppointmentBook(createEmbeddedStore(), [CALENDAR], () => NOW);

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string; reason?: string } }).extensions;
  }
};

describe('the appointment book', () => {
  it('lists the free times of the range in Finnish time, leaving out past ones and other weekdays', async () => {
    const times = await book().freeTimes(ACTION, '2027-03-22', '2027-03-24');
    expect(times.map((slot) => slot.start)).toEqual([
      '2027-03-22T10:00:00+02:00',
      '2027-03-22T10:30:00+02:00',
      '2027-03-24T09:00:00+02:00',
      '2027-03-24T09:30:00+02:00',
      '2027-03-24T10:00:00+02:00',
      '2027-03-24T10:30:00+02:00',
    ]);
    expect(times[0]?.end).toBe('2027-03-22T10:30:00+02:00');
  });

  it('follows summer time: after the last Sunday of March, times are at +03:00', async () => {
    const times = await book().freeTimes(ACTION, '2027-03-29', '2027-03-29');
    expect(times[0]).toEqual({ start: '2027-03-29T09:00:00+03:00', end: '2027-03-29T09:30:00+03:00' });
  });

  it('takes a time given in any offset, and refuses a taken, past or made-up one', async () => {
    const appointments = book();
    // 07:00 UTC on that Wednesday is 09:00 in Finland.
    const booked = await appointments.book('person-a', ACTION, '2027-03-24T07:00:00Z');
    expect(booked).toMatchObject({ start: '2027-03-24T09:00:00+02:00', end: '2027-03-24T09:30:00+02:00', status: 'BOOKED', actionId: ACTION });
    expect(await codeOf(appointments.book('person-b', ACTION, '2027-03-24T09:00:00+02:00'))).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
    expect(await codeOf(appointments.book('person-b', ACTION, '2027-03-22T09:00:00+02:00'))).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_IN_PAST' });
    expect(await codeOf(appointments.book('person-b', ACTION, '2027-03-23T09:00:00+02:00'))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_SLOT' });
    expect(await codeOf(appointments.book('person-b', ACTION, '2027-03-24T09:10:00+02:00'))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_SLOT' });
    expect(await codeOf(appointments.book('person-b', ACTION, '2028-03-22T09:00:00+02:00'))).toMatchObject({ code: 'CONFLICT', reason: 'TOO_FAR_AHEAD' });
    expect(await codeOf(appointments.book('person-b', `book:${SERVICE}:elsewhere`, '2027-03-24T09:30:00+02:00'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await codeOf(appointments.book('person-b', `book:not-a-service:${PLACE}`, '2027-03-24T09:30:00+02:00'))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await appointments.freeTimes(ACTION, '2027-03-24', '2027-03-24')).map((slot) => slot.start)).not.toContain('2027-03-24T09:00:00+02:00');
  });

  it('cancels only the person own appointment, and the time is free again', async () => {
    const appointments = book();
    const booked = await appointments.book('person-a', ACTION, '2027-03-24T09:30:00+02:00');
    expect(await codeOf(appointments.cancel('person-b', booked.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await appointments.ofPerson('person-a')).toHaveLength(1);
    expect(await appointments.cancel('person-a', booked.id)).toMatchObject({ id: booked.id, status: 'CANCELLED' });
    expect(await appointments.ofPerson('person-a')).toEqual([]);
    expect((await appointments.freeTimes(ACTION, '2027-03-24', '2027-03-24')).map((slot) => slot.start)).toContain('2027-03-24T09:30:00+02:00');
  });

  it(`holds at most ${MAX_UPCOMING} appointments to come for one person`, async () => {
    const appointments = book();
    const times = (await appointments.freeTimes(ACTION, '2027-03-24', '2027-04-05')).slice(0, MAX_UPCOMING + 1);
    for (const time of times.slice(0, MAX_UPCOMING)) await appointments.book('person-a', ACTION, time.start);
    expect(await codeOf(appointments.book('person-a', ACTION, (times.at(-1) as { start: string }).start))).toMatchObject({ reason: 'TOO_MANY_APPOINTMENTS' });
    expect(await appointments.book('person-b', ACTION, (times.at(-1) as { start: string }).start)).toMatchObject({ status: 'BOOKED' });
    expect(await appointments.deletePerson('person-a')).toBe(MAX_UPCOMING);
  });

  it('refuses ranges it cannot answer', async () => {
    const appointments = book();
    expect(await codeOf(appointments.freeTimes(ACTION, '22.3.2027', '2027-03-24'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await codeOf(appointments.freeTimes(ACTION, '2027-03-24', '2027-03-22'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await codeOf(appointments.freeTimes(ACTION, '2027-03-01', '2027-05-01'))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await appointments.freeTimes(`book:${SERVICE}:elsewhere`, '2027-03-24', '2027-03-24')).toEqual([]);
  });
});
