import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import ca from './locales/ca.json';
import en from './locales/en.json';
import es from './locales/es.json';
import { defaultLanguage, languageStorageKey, supportedLanguages, toLanguage } from './languages';

/** Keeps `<html lang>` equal to the language actually shown, for screen readers and hyphenation. */
function syncDocumentLanguage(language: string | undefined): void {
  document.documentElement.lang = toLanguage(language);
}

i18n.on('languageChanged', syncDocumentLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { ca: { translation: ca }, es: { translation: es }, en: { translation: en } },
    supportedLngs: [...supportedLanguages],
    fallbackLng: defaultLanguage,
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: languageStorageKey,
      // Only an explicit choice in the language switcher is remembered (see storeLanguage).
      caches: [],
      convertDetectedLanguage: (tag: string) => tag.split('-')[0]?.toLowerCase() ?? tag,
    },
    react: { useSuspense: false },
  })
  .then(() => syncDocumentLanguage(i18n.resolvedLanguage));

export default i18n;
