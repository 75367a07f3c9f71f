import i18n from './index';
import { isLanguage, storedLanguage } from './languages';

/**
 * Uses the language saved in the user's profile, unless this browser already has an explicit
 * choice from the language switcher (which always wins).
 */
export function applyUserLocale(locale: string | null | undefined): void {
  if (!isLanguage(locale) || storedLanguage() !== null) return;
  if (i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
}
