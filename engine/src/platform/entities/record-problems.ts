import { AppError } from '../../infra/errors/app-error.js';
import type { FieldProblem } from './record-validator.js';
import { etagOf } from './etag.js';

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const invalidRecord = (type: string, errors: FieldProblem[]) =>
  new AppError('invalid', 'invalid-record', `The ${type} record is not valid.`, { errors });

export const recordNotFound = (type: string, id: string) =>
  new AppError('not-found', 'not-found', `There is no ${type} record ${JSON.stringify(id)}.`);

export const staleVersion = (type: string, current: { version: number; record: unknown }) =>
  new AppError(
    'precondition-failed',
    'stale-version',
    `The ${type} record changed since you read it (now version ${current.version}).`,
    {
      extensions: { currentVersion: current.version, current: current.record },
      entityTag: etagOf(current.version),
    },
  );

export function assertObject(type: string, data: unknown): asserts data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AppError(
      'bad-input',
      'bad-request',
      `The body must be a JSON object with the ${type} record's fields.`,
      {
        errors: [{ path: '/', message: 'must be an object' }],
      },
    );
  }
}
