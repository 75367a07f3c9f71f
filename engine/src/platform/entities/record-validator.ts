import type { ValidateFunction } from 'ajv';
import type { EntityTypeDocument } from './entity-type.js';
import { normaliseValues } from './formats/normalise-values.js';
import { entityAjv } from './validate-entity-type.js';
import { localisedProblem, type Language } from './validation-messages.js';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface RecordValidator {
  /** Normalises formatted values and applies defaults; returns the data or the failing fields. */
  check(
    data: unknown,
    language: Language,
  ): { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldProblem[] };
}

const ajv = entityAjv();

/** The schema records are checked with: the document, with unknown top-level fields refused. */
export function recordSchema(doc: EntityTypeDocument): object {
  const { $id: _id, $schema: _schema, ...rest } = doc;
  return { ...rest, additionalProperties: false };
}

export function compileRecordValidator(doc: EntityTypeDocument): RecordValidator {
  const validate: ValidateFunction = ajv.compile(recordSchema(doc));
  return {
    check(data, language) {
      const normalised = structuredClone(normaliseValues(doc, data));
      if (validate(normalised)) return { ok: true, data: normalised as Record<string, unknown> };
      const seen = new Set<string>();
      const errors = (validate.errors ?? [])
        .map((error) => localisedProblem(error, language))
        .filter((problem) => {
          const key = `${problem.path} ${problem.message}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      return { ok: false, errors };
    },
  };
}
