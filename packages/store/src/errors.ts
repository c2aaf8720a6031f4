/** Why a store operation failed, in a form callers can branch on. */
export type StoreErrorCode = 'DUPLICATE_KEY' | 'CORRUPT_DATA' | 'STORE_LOCKED' | 'INVALID_OPERATION';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** A data file that cannot be read back. The message names the file and what to do. */
export class CorruptDataError extends StoreError {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(
      'CORRUPT_DATA',
      `Data file ${file} is damaged (${detail}). Nothing was changed. Restore the file from a backup, or move it away to start that collection empty.`,
    );
    this.name = 'CorruptDataError';
  }
}
