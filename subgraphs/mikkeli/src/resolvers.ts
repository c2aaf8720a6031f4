import { codedError, ErrorCode, localise } from '@aurora/subgraph-kit';
import type { Resolvers } from './generated/resolvers';
import type { MikkeliContext } from './loaders';

function person({ pseudonym }: MikkeliContext): string {
  if (!pseudonym) throw codedError(ErrorCode.UNAUTHENTICATED, 'Booking needs an identity token: sign in (or POST /identity on the router) and try again.');
  return pseudonym;
}

export const resolvers: Resolvers = {
  Query: {
    mikkeliVisitingDetails: (_, { serviceLocationId }, { loaders }) => loaders.visitingDetails.load(serviceLocationId),
    myMikkeliAppointments: (_, __, context) => context.appointments.ofPerson(person(context)),
  },
  Mutation: {
    bookAppointment: (_, { action, start }, context) => context.appointments.book(person(context), action, start),
    cancelAppointment: (_, { id }, context) => context.appointments.cancel(person(context), id),
  },
  AppointmentBooking: {
    __resolveReference: (reference) => ({ id: reference.id }),
    freeTimes: ({ id }, { from, to }, { appointments }) => appointments.freeTimes(id, from, to),
  },
  Appointment: {
    action: (appointment) => ({ id: appointment.actionId }),
    exampleData: () => true,
  },
  ServiceLocationChannel: {
    __resolveReference: (reference) => ({ id: reference.id }),
    visitingDetails: ({ id }, _, { loaders }) => loaders.visitingDetails.load(id),
  },
  VisitingDetails: {
    parking: (details, { language }) => localise(details.parking, language) ?? null,
    publicTransport: (details, { language }) => localise(details.publicTransport, language) ?? null,
    exampleData: () => true,
    staffNotes: (details) => `Avainkoodi henkilökunnalle: ${details._id.slice(0, 4)} (esimerkki)`,
    directPhone: () => '015 194 0000',
  },
};
