import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { BeforeCommit } from '../../infra/db/before-commit.js';
import type { Logger } from '../../infra/logging/logger.js';
import { AppError, badRequest, conflict, type ErrorKind } from '../../infra/errors/app-error.js';
import { problemOf } from '../../http/problem.js';
import { canonicalJson } from './canonical-json.js';
import {
  deleteExpiredKeys,
  findAnswer,
  recordAnswer,
  type Answer,
  type KeyedRequest,
} from './idempotency-keys.js';

export type { Answer } from './idempotency-keys.js';

/** Turns a write's result into its answer, and stores that answer in the write's transaction. */
export type Recorder = <T>(answerOf: (result: T) => Answer) => BeforeCommit<T>;

export interface Outcome {
  answer: Answer;
  /** The answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

export interface IdempotencyOptions {
  /** How long an answer is kept and replayed. */
  ttlMs: number;
}

export interface ExecuteOptions {
  /** What the request's hash covers instead of `req.body` (a multipart upload's files). */
  body?: unknown;
  /** A key from the body (Camunda's `operationReference`), used when no header is given. */
  bodyKey?: string;
  /** Maps a layer's own errors to problems (the v2 API's engine errors), so 4xx ones are stored. */
  problemOf?: (error: unknown) => unknown;
}

/** The stored answer was not there, and the key was taken by a commit in the meantime. */
class KeyTaken extends Error {}

const keyPattern = /^[\x20-\x7e]{1,255}$/;
/** The caller's faults that say "not now" rather than "not this": a retry should run again. */
const transient = new Set<ErrorKind>(['throttled']);
const maxSweepIntervalMs = 10 * 60_000;

/**
 * Idempotent creating requests (draft-ietf-httpapi-idempotency-key-header): a retry with the same
 * `Idempotency-Key`, from the same caller and with the same method, path and body, gets the first
 * request's answer instead of creating again; with another body, a 422.
 *
 * Exactly once across a crash: the answer is stored in the same transaction as the write it
 * answers (the write calls the route's `BeforeCommit` hook before it commits). If the process dies
 * after the commit and before the response, the retry finds the answer; if it dies before the
 * commit, neither exists and the retry runs the request again. Nothing is reserved beforehand, so a
 * crash never leaves a key stuck "in progress". Two concurrent requests with one key both run; the
 * second one's insert of the key waits for the first one's transaction, and then rolls its own
 * write back and replays the first answer (or, if the first rolled back, commits its own).
 *
 * Failures: a 4xx answer is stored too (on its own, as nothing was written) and replayed; a fix on
 * the client's side needs a new key. A 5xx is not stored: the retry runs again.
 */
export class Idempotency {
  constructor(
    private readonly db: Knex,
    readonly options: IdempotencyOptions,
  ) {}

  /** Runs a creating request once per key; `work` passes `recordAs(answerOf)` to its write. */
  async execute(
    req: Request,
    work: (recordAs: Recorder) => Promise<Answer>,
    options: ExecuteOptions = {},
  ): Promise<Outcome> {
    const keyed = this.keyOf(req, options);
    if (!keyed) return { answer: await work(() => async () => {}), replayed: false };

    const earlier = await this.replay(keyed);
    if (earlier) return earlier;
    let recorded = false;
    const recordAs: Recorder = (answerOf) => async (trx, result) => {
      if (!(await recordAnswer(trx, keyed, answerOf(result), this.times()))) throw new KeyTaken();
      recorded = true;
    };
    try {
      const answer = await work(recordAs);
      if (!recorded) throw new Error(`${req.method} ${req.path} did not record its idempotent answer`);
      return { answer, replayed: false };
    } catch (error) {
      if (error instanceof KeyTaken) {
        const first = await this.replay(keyed);
        if (first) return first;
        throw conflict(`A request with Idempotency-Key "${keyed.key}" has just run; retry.`);
      }
      const problem = options.problemOf ? options.problemOf(error) : error;
      if (problem instanceof AppError && problem.fault === 'user' && !transient.has(problem.kind)) {
        await recordAnswer(this.db, keyed, answerOfProblem(problem, req), this.times());
      }
      throw problem;
    }
  }

  async sweep(): Promise<number> {
    return deleteExpiredKeys(this.db, new Date());
  }

  /** Deletes expired answers periodically (every TTL, at most every ten minutes). */
  startSweeper(logger: Logger): { stop(): void } {
    const timer = setInterval(
      () => {
        this.sweep().catch((error: unknown) =>
          logger.warn({ err: error }, 'could not delete expired idempotency keys'),
        );
      },
      Math.min(this.options.ttlMs, maxSweepIntervalMs),
    );
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  private times(): { now: Date; expiresAt: Date } {
    const now = new Date();
    return { now, expiresAt: new Date(now.getTime() + this.options.ttlMs) };
  }

  private async replay(keyed: KeyedRequest): Promise<Outcome | undefined> {
    const stored = await findAnswer(this.db, keyed, new Date());
    if (!stored) return undefined;
    if (stored.requestHash !== keyed.requestHash) {
      throw new AppError(
        'invalid',
        'idempotency-key-reused',
        `Idempotency-Key "${keyed.key}" was used for a different request; use a new key for a new request.`,
        { errors: [{ path: 'Idempotency-Key', message: 'already used with another method, path or body' }] },
      );
    }
    return { answer: stored.answer, replayed: true };
  }

  private keyOf(req: Request, options: ExecuteOptions): KeyedRequest | undefined {
    const header = req.get('idempotency-key');
    const key = header === undefined ? options.bodyKey : parseKeyHeader(header);
    if (key === undefined) return undefined;
    const principal = req.principal;
    const scope = principal ? `${principal.kind}:${principal.id}` : 'anonymous';
    const body = canonicalJson('body' in options ? options.body : req.body);
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${body}`)
      .digest('hex');
    return { scope, key, requestHash };
  }
}

/** The draft's header is a structured-field string (`"abc"`); a bare token is taken as it is. */
function parseKeyHeader(header: string): string {
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(header.trim());
  const key = quoted ? quoted[1]!.replace(/\\(["\\])/g, '$1') : header.trim();
  if (!keyPattern.test(key)) {
    throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters.', [
      { path: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  }
  return key;
}

function answerOfProblem(error: AppError, req: Request): Answer {
  const { status, headers, body } = problemOf(error, req.originalUrl.split('?')[0]);
  return { status, body, headers: { ...headers, 'Content-Type': 'application/problem+json; charset=utf-8' } };
}

/** Sends an answer; a replayed one says so (`Idempotent-Replayed: true`). */
export function sendAnswer(res: Response, outcome: Outcome): void {
  const { answer } = outcome;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(answer.status);
  if (answer.body === null || answer.body === undefined) res.end();
  else if (answer.headers['Content-Type']) res.send(JSON.stringify(answer.body));
  else res.json(answer.body);
}
