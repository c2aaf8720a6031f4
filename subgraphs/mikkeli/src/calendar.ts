import { DateTime } from 'luxon';

/** The city's time zone: every calendar time is Finnish time. */
export const ZONE = 'Europe/Helsinki';

/** The days, hours and length of the appointments a location takes. */
export interface Calendar {
  locationId: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** First appointment of the day, HH:mm. */
  opens: string;
  /** When the last appointment ends, HH:mm. */
  closes: string;
  minutes: number;
}

/**
 * EXAMPLE DATA, written for the Aurora network: the appointment calendars of three of the City of
 * Mikkeli's real service locations (the ids are theirs in the service directory). The hours are
 * illustrative, not the city's.
 */
export const EXAMPLE_CALENDARS: Calendar[] = [
  // Building control (rakennusvalvonta): building-permit advice.
  { locationId: 'be033dbc-124f-52dc-b474-7f8d8cca2f84', weekdays: [1, 2, 3, 4], opens: '09:00', closes: '15:00', minutes: 30 },
  // The city's customer service point (asiointipiste), Maaherrankatu 9-11.
  { locationId: '42408347-7529-5f4a-9a4f-1a8c631ae52e', weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '16:00', minutes: 20 },
  // Emola day-care centre: visits for families choosing a place.
  { locationId: '62aa9db5-0bc9-57e7-bbbf-a44c22bc9629', weekdays: [2, 4], opens: '13:00', closes: '16:00', minutes: 45 },
];

export interface Slot {
  /** ISO 8601 in Finnish time, such as 2026-12-09T09:00:00+02:00. */
  start: string;
  end: string;
}

/** How far ahead a time can be booked, and how long a range one question may ask. */
export const BOOKING_HORIZON_DAYS = 180;
export const MAX_RANGE_DAYS = 31;

const iso = (time: DateTime) => time.toISO({ suppressMilliseconds: true }) as string;

/** Every appointment time of the calendar on the days from `from` to `to` (both included). */
export function slotsBetween(calendar: Calendar, from: DateTime, to: DateTime): Slot[] {
  const slots: Slot[] = [];
  const [openHour, openMinute] = calendar.opens.split(':').map(Number) as [number, number];
  const [closeHour, closeMinute] = calendar.closes.split(':').map(Number) as [number, number];
  for (let day = from.startOf('day'); day <= to; day = day.plus({ days: 1 })) {
    if (!calendar.weekdays.includes(day.weekday)) continue;
    const closes = day.set({ hour: closeHour, minute: closeMinute });
    for (
      let start = day.set({ hour: openHour, minute: openMinute });
      start.plus({ minutes: calendar.minutes }) <= closes;
      start = start.plus({ minutes: calendar.minutes })
    ) {
      slots.push({ start: iso(start), end: iso(start.plus({ minutes: calendar.minutes })) });
    }
  }
  return slots;
}

/** A date argument (YYYY-MM-DD) as the start of that day in Finnish time; null when it is not one. */
export function parseDate(value: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = DateTime.fromISO(value, { zone: ZONE });
  return date.isValid ? date : null;
}

/** A start time as the calendar writes it, when it is one of the calendar's times; else null. */
export function slotAt(calendar: Calendar, start: string): Slot | null {
  if (start.length > 40) return null;
  const time = DateTime.fromISO(start, { setZone: true });
  if (!time.isValid) return null;
  const local = time.setZone(ZONE);
  const day = local.startOf('day');
  return slotsBetween(calendar, day, day).find((slot) => DateTime.fromISO(slot.start).toMillis() === time.toMillis()) ?? null;
}

export const now = () => DateTime.now().setZone(ZONE);
export { DateTime };
