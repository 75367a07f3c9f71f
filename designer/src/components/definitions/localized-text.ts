import type { UserLocale } from '../../api/auth';

export type LocalizedText = Record<UserLocale, string>;

export const emptyLocalizedText = (): LocalizedText => ({ ca: '', es: '', en: '' });

/** A definition's `{ca, es, en}` title in the user's language, falling back to any language, then to `fallback`. */
export function localized(value: unknown, language: string, fallback: string): string {
  if (typeof value === 'string') return value || fallback;
  if (value === null || typeof value !== 'object') return fallback;
  const texts = value as Partial<Record<string, unknown>>;
  const pick = [language, 'ca', 'es', 'en']
    .map((l) => texts[l])
    .find((t) => typeof t === 'string' && t !== '');
  return typeof pick === 'string' ? pick : fallback;
}
