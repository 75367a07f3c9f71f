import type { ErrorObject } from 'ajv';

export type Language = 'ca' | 'es' | 'en';

type Params = Record<string, unknown>;
type Template = (p: Params) => string;

const messages: Record<string, Record<Language, Template>> = {
  required: { ca: () => 'és obligatori', es: () => 'es obligatorio', en: () => 'is required' },
  additionalProperties: {
    ca: () => 'no és un camp conegut',
    es: () => 'no es un campo conocido',
    en: () => 'is not a known field',
  },
  type: {
    ca: (p) => `ha de ser de tipus ${String(p.type)}`,
    es: (p) => `debe ser de tipo ${String(p.type)}`,
    en: (p) => `must be of type ${String(p.type)}`,
  },
  enum: {
    ca: (p) => `ha de ser un d'aquests valors: ${(p.allowedValues as unknown[]).join(', ')}`,
    es: (p) => `debe ser uno de estos valores: ${(p.allowedValues as unknown[]).join(', ')}`,
    en: (p) => `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`,
  },
  const: {
    ca: (p) => `ha de ser ${JSON.stringify(p.allowedValue)}`,
    es: (p) => `debe ser ${JSON.stringify(p.allowedValue)}`,
    en: (p) => `must be ${JSON.stringify(p.allowedValue)}`,
  },
  format: {
    ca: (p) => `no té un format ${String(p.format)} vàlid`,
    es: (p) => `no tiene un formato ${String(p.format)} válido`,
    en: (p) => `is not a valid ${String(p.format)}`,
  },
  minLength: {
    ca: (p) => `ha de tenir com a mínim ${String(p.limit)} caràcters`,
    es: (p) => `debe tener al menos ${String(p.limit)} caracteres`,
    en: (p) => `must have at least ${String(p.limit)} characters`,
  },
  maxLength: {
    ca: (p) => `ha de tenir com a màxim ${String(p.limit)} caràcters`,
    es: (p) => `debe tener como máximo ${String(p.limit)} caracteres`,
    en: (p) => `must have at most ${String(p.limit)} characters`,
  },
  minimum: {
    ca: (p) => `ha de ser ≥ ${String(p.limit)}`,
    es: (p) => `debe ser ≥ ${String(p.limit)}`,
    en: (p) => `must be ≥ ${String(p.limit)}`,
  },
  maximum: {
    ca: (p) => `ha de ser ≤ ${String(p.limit)}`,
    es: (p) => `debe ser ≤ ${String(p.limit)}`,
    en: (p) => `must be ≤ ${String(p.limit)}`,
  },
  pattern: {
    ca: () => 'no té el format esperat',
    es: () => 'no tiene el formato esperado',
    en: () => 'does not have the expected form',
  },
  minItems: {
    ca: (p) => `ha de tenir com a mínim ${String(p.limit)} elements`,
    es: (p) => `debe tener al menos ${String(p.limit)} elementos`,
    en: (p) => `must have at least ${String(p.limit)} items`,
  },
  maxItems: {
    ca: (p) => `ha de tenir com a màxim ${String(p.limit)} elements`,
    es: (p) => `debe tener como máximo ${String(p.limit)} elementos`,
    en: (p) => `must have at most ${String(p.limit)} items`,
  },
};

const fallback: Record<Language, string> = { ca: 'no és vàlid', es: 'no es válido', en: 'is invalid' };

/** The failing field's JSON pointer and a message in the caller's language. */
export function localisedProblem(error: ErrorObject, language: Language): { path: string; message: string } {
  const params = error.params as Params;
  let path = error.instancePath;
  if (error.keyword === 'required') path = `${path}/${String(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') path = `${path}/${String(params.additionalProperty)}`;
  const template = messages[error.keyword]?.[language];
  return { path: path || '/', message: template ? template(params) : fallback[language] };
}

/** ca, es or en from an Accept-Language header, else the fallback. */
export function languageFrom(
  acceptLanguage: string | undefined,
  fallbackLanguage: Language = 'en',
): Language {
  if (!acceptLanguage) return fallbackLanguage;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((entry) => entry.tag === 'ca' || entry.tag === 'es' || entry.tag === 'en');
  return (found?.tag as Language | undefined) ?? fallbackLanguage;
}
