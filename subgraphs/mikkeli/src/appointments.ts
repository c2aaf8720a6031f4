import { randomUUID } from 'node:crypto';
import { codedError, ErrorCode, badUserInput } from '@aurora/subgraph-kit';
import { StoreError, type Collection, type DocumentStore } from '@aurora/store';
import { BOOKING_HORIZON_DAYS, DateTime, EXAMPLE_CALENDARS, MAX_RANGE_DAYS, now, parseDate, slotAt, slotsBetween, type Calendar, type Slot } from './calendar';

/** One booked time. `_id` is the place and the time, so the store itself refuses a second booking of it. */
export interface AppointmentDocument {
  _id: string;
  /** The id the person sees; random, so that one appointment's id tells nothing of another's. */
  id: string;
  /** The city's own pseudonym for the person, from the router; nothing else identifies them here. */
  pseudonym: string;
  actionId: string;
  locationId: string;
  start: string;
  end: string;
  bookedAt: string;
  [field: string]: unknown;
}

/** An appointment as the schema shows it; a cancelled one is no longer stored. */
export interface AppointmentView {
  id: string;
  actionId: string;
  locationId: string;
  start: string;
  end: string;
  bookedAt: string;
  status: 'BOOKED' | 'CANCELLED';
}

/** A booking action as this subgraph knows it: by id only. */
export interface BookingReference {
  id: string;
}

/** How many appointments to come one person may hold. */
export const MAX_UPCOMING = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const slotKey = (locationId: string, start: string) => `${locationId}|${DateTime.fromISO(start).toUTC().toISO()}`;
const view = (appointment: AppointmentDocument, status: AppointmentView['status']): AppointmentView => ({
  id: appointment.id,
  actionId: appointment.actionId,
  locationId: appointment.locationId,
  start: appointment.start,
  end: appointment.end,
  bookedAt: appointment.bookedAt,
  status,
});

/**
 * The city's appointment book on its own store. A booking action's id names its location
 * (`book:<service>:<location>`), so the book needs nothing from the directory to find the calendar.
 */
export class AppointmentBook {
  private readonly appointments: Collection<AppointmentDocument>;
  private readonly calendars: Map<string, Calendar>;
  private indexed: Promise<void> | null = null;

  constructor(
    store: DocumentStore,
    calendars: Calendar[] = EXAMPLE_CALENDARS,
    private readonly clock: () => DateTime = now,
  ) {
    this.appointments = store.collection<AppointmentDocument>('appointments');
    this.calendars = new Map(calendars.map((calendar) => [calendar.locationId, calendar]));
  }

  private ensureIndexes() {
    this.indexed ??= this.appointments.createIndexes([
      { key: { id: 1 }, name: 'appointments_by_id', unique: true },
      { key: { pseudonym: 1, start: 1 }, name: 'appointments_by_person' },
      { key: { locationId: 1, start: 1 }, name: 'appointments_by_place' },
    ]);
    return this.indexed;
  }

  /** The calendar of a booking action of the city's; null for an action that is not. */
  calendarOf(actionId: string): Calendar | null {
    const [kind, serviceId, locationId, ...rest] = actionId.split(':');
    if (kind !== 'book' || rest.length > 0 || !serviceId || !UUID.test(serviceId) || !locationId) return null;
    return this.calendars.get(locationId) ?? null;
  }

  private calendarFor(actionId: string): Calendar {
    const calendar = this.calendarOf(actionId);
    if (!calendar) {
      throw codedError(
        ErrorCode.NOT_FOUND,
        `There is no appointment booking ${actionId.slice(0, 200)} at the City of Mikkeli; take the id from a service's actions (AppointmentBooking.id).`,
      );
    }
    return calendar;
  }

  /** Free times from `from` to `to` (dates, both included), soonest first; past and booked times left out. */
  async freeTimes(actionId: string, from: string, to: string): Promise<Slot[]> {
    const calendar = this.calendarOf(actionId);
    if (!calendar) return [];
    const first = parseDate(from);
    const last = parseDate(to);
    if (!first) throw badUserInput(`from: "${from.slice(0, 40)}" is not a date (YYYY-MM-DD).`, 'from');
    if (!last) throw badUserInput(`to: "${to.slice(0, 40)}" is not a date (YYYY-MM-DD).`, 'to');
    if (last < first) throw badUserInput('to is before from.', 'to');
    if (last.diff(first, 'days').days >= MAX_RANGE_DAYS) throw badUserInput(`Ask for at most ${MAX_RANGE_DAYS} days at a time.`, 'to');
    const current = this.clock();
    const horizon = current.plus({ days: BOOKING_HORIZON_DAYS });
    const slots = slotsBetween(calendar, first, last.endOf('day')).filter((slot) => {
      const start = DateTime.fromISO(slot.start);
      return start > current && start <= horizon;
    });
    if (slots.length === 0) return [];
    await this.ensureIndexes();
    const taken = new Set(
      (await this.appointments.find({ locationId: calendar.locationId, start: { $gte: (slots[0] as Slot).start, $lte: (slots.at(-1) as Slot).start } })).map(
        (appointment) => appointment._id,
      ),
    );
    return slots.filter((slot) => !taken.has(slotKey(calendar.locationId, slot.start)));
  }

  /** Books the time for the person. Exactly one of any number of concurrent bookings of a time succeeds. */
  async book(pseudonym: string, actionId: string, start: string): Promise<AppointmentView> {
    const calendar = this.calendarFor(actionId);
    const slot = slotAt(calendar, start);
    if (!slot) {
      throw codedError(ErrorCode.CONFLICT, `${start.slice(0, 40)} is not one of this place's appointment times; take one from AppointmentBooking.freeTimes.`, {
        reason: 'NOT_A_SLOT',
      });
    }
    const startsAt = DateTime.fromISO(slot.start);
    if (startsAt <= this.clock()) {
      throw codedError(ErrorCode.CONFLICT, `${slot.start} has already passed; choose a later time.`, { reason: 'SLOT_IN_PAST' });
    }
    if (startsAt > this.clock().plus({ days: BOOKING_HORIZON_DAYS })) {
      throw codedError(ErrorCode.CONFLICT, `Times can be booked at most ${BOOKING_HORIZON_DAYS} days ahead.`, { reason: 'TOO_FAR_AHEAD' });
    }
    await this.ensureIndexes();
    // One person cannot take a place's whole calendar.
    const upcoming = await this.appointments.countDocuments({ pseudonym, start: { $gt: this.clock().toISO() } });
    if (upcoming >= MAX_UPCOMING) {
      throw codedError(ErrorCode.CONFLICT, `You already have ${MAX_UPCOMING} appointments to come at the City of Mikkeli; cancel one to book another.`, {
        reason: 'TOO_MANY_APPOINTMENTS',
      });
    }
    const appointment: AppointmentDocument = {
      _id: slotKey(calendar.locationId, slot.start),
      id: randomUUID(),
      pseudonym,
      actionId,
      locationId: calendar.locationId,
      start: slot.start,
      end: slot.end,
      bookedAt: new Date().toISOString(),
    };
    try {
      await this.appointments.insertOne(appointment);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'DUPLICATE_KEY') {
        throw codedError(ErrorCode.CONFLICT, `${slot.start} was booked by someone else a moment ago; choose another free time.`, { reason: 'SLOT_TAKEN' });
      }
      throw error;
    }
    return view(appointment, 'BOOKED');
  }

  /** Cancels one of the person's own appointments and frees its time; any other id is not found. */
  async cancel(pseudonym: string, id: string): Promise<AppointmentView> {
    await this.ensureIndexes();
    const appointment = await this.appointments.findOne({ id, pseudonym });
    if (!appointment) throw codedError(ErrorCode.NOT_FOUND, `You have no appointment ${id.slice(0, 100)} at the City of Mikkeli.`);
    await this.appointments.deleteOne({ _id: appointment._id, pseudonym });
    return view(appointment, 'CANCELLED');
  }

  /** The person's appointments, soonest first. */
  async ofPerson(pseudonym: string): Promise<AppointmentView[]> {
    await this.ensureIndexes();
    return (await this.appointments.find({ pseudonym }, { sort: { start: 1 } })).map((appointment) => view(appointment, 'BOOKED'));
  }

  async deletePerson(pseudonym: string): Promise<number> {
    await this.ensureIndexes();
    return (await this.appointments.deleteMany({ pseudonym })).deletedCount;
  }
}
