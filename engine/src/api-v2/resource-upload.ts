import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { AppError } from '../infra/errors/app-error.js';
import { rejection } from './problems.js';

/** Everything a deployment may upload, all files together. */
export const maxDeploymentBytes = 5 * 1024 * 1024;

const tooLarge = () =>
  new AppError(
    'too-large',
    'body-too-large',
    `A deployment may upload at most ${maxDeploymentBytes / 1024 / 1024} MB in all.`,
  );

/**
 * Keeps uploaded files in memory within one budget per request, so that many files (or a chunked
 * request without Content-Length) cannot add up to more than the limit.
 */
class BudgetedMemoryStorage implements multer.StorageEngine {
  private readonly used = new WeakMap<Request, number>();

  constructor(private readonly maxBytes: number) {}

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void,
  ): void {
    const chunks: Buffer[] = [];
    let finished = false;
    const finish = (error?: unknown, info?: Partial<Express.Multer.File>) => {
      if (finished) return;
      finished = true;
      callback(error, info);
    };
    file.stream.on('data', (chunk: Buffer) => {
      if (finished) return;
      const used = (this.used.get(req) ?? 0) + chunk.length;
      this.used.set(req, used);
      if (used > this.maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    });
    file.stream.on('error', (error) => finish(error));
    file.stream.on('end', () => {
      const buffer = Buffer.concat(chunks);
      finish(undefined, { buffer, size: buffer.length });
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    file.buffer = Buffer.alloc(0);
    callback(null);
  }
}

const upload = multer({
  storage: new BudgetedMemoryStorage(maxDeploymentBytes),
  limits: { fileSize: maxDeploymentBytes, files: 100, fields: 10, fieldSize: 1024, parts: 110 },
}).array('resources');

function fromMulter(error: unknown): unknown {
  if (!(error instanceof multer.MulterError)) return error;
  if (error.code === 'LIMIT_FILE_SIZE') return tooLarge();
  const field = error.field ? ` (${error.field})` : '';
  return rejection('INVALID_ARGUMENT', `The multipart request is invalid: ${error.message}${field}`, [
    { path: `/${error.field ?? ''}`, message: error.message },
  ]);
}

/**
 * `multipart/form-data` with one or more files in `resources` (and text fields): files land in
 * `req.files`. Over the limit → 413 before or while reading; anything else malformed → 400.
 */
export const receiveResources: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) {
    next(
      new AppError(
        'unsupported-media-type',
        'unsupported-media-type',
        'A deployment is a multipart/form-data request.',
      ),
    );
    return;
  }
  if (Number(req.headers['content-length'] ?? 0) > maxDeploymentBytes + 64 * 1024) {
    next(tooLarge());
    return;
  }
  upload(req, res, (error?: unknown) => next(error ? fromMulter(error) : undefined));
};
