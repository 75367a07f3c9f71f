/** Languages the browser app is translated into; the first one is the default and fallback. */
export const supportedLanguages = ['ca', 'es', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

export const defaultLanguage: Language = 'ca';

/** localStorage key holding the language the user picked explicitly. */
export const languageStorageKey = 'tramit.lang';

/** Each language's name written in that language, so a reader can always find their own. */
export const languageNames: Record<Language, string> = {
  ca: 'Català',
  es: 'Español',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag ('es-ES', 'CA') to a supported language, or the default when unsupported. */
export function toLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').split('-')[0]?.toLowerCase();
  return isLanguage(primary) ? primary : defaultLanguage;
}

export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(languageStorageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Storage may be unavailable (private mode, policies); the choice then lasts for this page only.
  }
}
