import { createHash, randomBytes } from 'node:crypto';
import type { Collection } from '@aurora/store';
import { badUserInput, codedError, ErrorCode, type Language } from '@aurora/subgraph-kit';
import { municipalityOf, type Session } from './sessions';

const TRANSFER_MINUTES = 10;

export type TransferAttribute = 'AGE' | 'MUNICIPALITY' | 'LIFE_EVENTS' | 'NEEDS' | 'LANGUAGE';

/** What a transfer may hand over, each attribute null when the conversation did not learn it. */
interface TransferValues {
  AGE: number | null;
  MUNICIPALITY: string | null;
  LIFE_EVENTS: string[];
  NEEDS: string[];
  LANGUAGE: Language;
}

export interface Transfer {
  _id: string;
  sessionId: string;
  pseudonym: string | null;
  recipient: string;
  attributes: TransferAttribute[];
  values: Partial<TransferValues> | null;
  expiresAt: string;
  redeemedAt: string | null;
  [field: string]: unknown;
}

const hashOf = (code: string) => createHash('sha256').update(code).digest('base64url');

/**
 * Handing what a conversation learnt to a service provider, with the person's consent: a
 * one-time code for the attributes they chose, redeemed once, by the recipient only.
 */
export class Transfers {
  constructor(private readonly transfers: Collection<Transfer>) {}

  async start(session: Session, recipient: string, attributes: TransferAttribute[]) {
    const chosen = [...new Set(attributes)];
    if (chosen.length === 0)
      throw badUserInput('attributes must name at least one attribute to hand over (AGE, MUNICIPALITY, LIFE_EVENTS, NEEDS, LANGUAGE).', 'attributes');
    if (!recipient.trim() || recipient.length > 100) throw badUserInput('recipient must be the id of the receiving organisation.', 'recipient');
    const all: TransferValues = {
      AGE: typeof session.age === 'number' ? session.age : null,
      MUNICIPALITY: municipalityOf(session),
      LIFE_EVENTS: session.lifeEvents,
      NEEDS: session.needs,
      LANGUAGE: session.language,
    };
    // Only what was consented to is kept for the receiver; the rest never leaves the session.
    const values: Partial<TransferValues> = {};
    for (const attribute of chosen) Object.assign(values, { [attribute]: all[attribute] });
    const code = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + TRANSFER_MINUTES * 60_000).toISOString();
    await this.transfers.insertOne({
      _id: hashOf(code),
      sessionId: session._id,
      pseudonym: session.pseudonym,
      recipient,
      attributes: chosen,
      values,
      expiresAt,
      redeemedAt: null,
    });
    return { code, expiresAt, attributes: chosen, recipient };
  }

  /** Hands over the consented attributes once, to the recipient organisation only. */
  async redeem(code: string, organisation: string) {
    const id = hashOf(code);
    const transfer = await this.transfers.findOne({ _id: id });
    const now = new Date().toISOString();
    if (!transfer || transfer.expiresAt <= now)
      throw codedError(ErrorCode.NOT_FOUND, 'This transfer code is unknown or has expired; ask the person to start the transfer again.');
    if (transfer.recipient !== organisation) throw codedError(ErrorCode.FORBIDDEN, 'This transfer code was made for another organisation.');
    // Atomic: of two redemptions at once, one wins.
    const claimed = await this.transfers.updateOne({ _id: id, redeemedAt: null }, { $set: { redeemedAt: now, values: null } });
    if (claimed.modifiedCount !== 1) throw codedError(ErrorCode.NOT_FOUND, 'This transfer code has already been used; a code hands over the attributes once.');
    const values = transfer.values ?? {};
    return {
      attributes: transfer.attributes,
      age: values.AGE ?? null,
      municipality: values.MUNICIPALITY ?? null,
      lifeEvents: values.LIFE_EVENTS ?? null,
      needs: values.NEEDS ?? null,
      language: values.LANGUAGE ?? null,
    };
  }
}
