import type { Request } from 'express';
import type { Knex } from 'knex';
import type { Role } from '../auth/roles.js';
import { languageFrom, type Language } from './validation-messages.js';

export interface RequestAccess {
  roles: readonly Role[];
  language: Language;
}

const locales = new Map<string, Language>();

/** The caller's roles, and their language: Accept-Language, else the user's locale, else English. */
export async function accessOf(req: Request, db: Knex): Promise<RequestAccess> {
  const principal = req.principal;
  const roles = principal?.roles ?? [];
  const header = req.get('accept-language');
  if (header || principal?.kind !== 'user') return { roles, language: languageFrom(header) };
  let locale = locales.get(principal.id);
  if (!locale) {
    const row = await db('users').where({ id: principal.id }).first('locale');
    locale = (row?.locale as Language | null) ?? 'en';
    if (locales.size > 10_000) locales.clear();
    locales.set(principal.id, locale);
  }
  return { roles, language: locale };
}
