import { expect } from 'vitest';
import { TematikError } from '../../src/domain/errors';

/** The TematikError an action was refused with; fails the test when it went through or failed otherwise. */
export async function refused(promise: Promise<unknown>): Promise<TematikError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TematikError);
    return error as TematikError;
  }
  throw new Error('expected a refusal');
}
