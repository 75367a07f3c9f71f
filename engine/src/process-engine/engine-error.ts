/** A caller's mistake or a conflict with the current state, mapped to 4xx by the API. */
export class EngineError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_ARGUMENT' | 'ALREADY_EXISTS',
    message: string,
    readonly details?: { elementId?: string; message: string }[],
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
