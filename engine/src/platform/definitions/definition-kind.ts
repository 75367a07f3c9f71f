import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ajvProblems } from '../entities/validate-entity-type.js';
import { AppError } from '../../infra/errors/app-error.js';

export interface DefinitionProblem {
  path: string;
  message: string;
}

/** One kind of drafted-then-published JSON definition (rule set, calendar, SLA policy ...). */
export interface DefinitionKind<T> {
  kind: string;
  /** Every problem of the content, each with a JSON pointer; empty when the content is valid. */
  validate(content: unknown): DefinitionProblem[];
  /** Only to carry the content type; never read. */
  readonly sample?: T;
}

export const definitionIdPattern = /^[a-z0-9][a-z0-9._-]{0,79}$/;

export function invalidDefinition(kind: string, id: string, errors: DefinitionProblem[]): AppError {
  return new AppError('invalid', 'invalid-definition', `The ${kind} "${id}" is invalid.`, { errors });
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);

/**
 * A kind validated by a JSON Schema (ajv, 2020-12), then by `check` for what a schema cannot say
 * (unknown operators, overlapping intervals ...). `check` runs only on schema-valid content. An
 * `if`/`then` branch reports only the failing branch's own errors, not the `if` that chose it.
 */
export function schemaKind<T>(
  kind: string,
  schema: object,
  check: (content: T) => DefinitionProblem[] = () => [],
): DefinitionKind<T> {
  const validateSchema = ajv.compile(schema);
  return {
    kind,
    validate(content) {
      if (validateSchema(content)) return check(content as T);
      return ajvProblems((validateSchema.errors ?? []).filter((e) => e.keyword !== 'if'));
    },
  };
}
