import 'i18next';
import type ca from './locales/ca.json';

/** Makes translation keys type-checked: Catalan is the reference catalogue. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ca };
  }
}
