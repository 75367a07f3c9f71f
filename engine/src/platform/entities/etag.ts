import { AppError } from '../../infra/errors/app-error.js';

export const etagOf = (version: number): string => `"${version}"`;

/** The record version an If-Match header names: undefined for none or `*`, else a version number. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw new AppError(
      'bad-input',
      'bad-if-match',
      'If-Match must be an ETag this API returned, such as "3".',
      {
        errors: [{ path: 'If-Match', message: 'not an ETag of a record' }],
      },
    );
  }
  return Number(match[1]);
}
