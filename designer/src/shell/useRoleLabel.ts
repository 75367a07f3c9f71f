import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const knownRoles = ['admin', 'supervisor', 'agent', 'manager', 'integration'] as const;
type KnownRole = (typeof knownRoles)[number];

const isKnownRole = (role: string): role is KnownRole => (knownRoles as readonly string[]).includes(role);

/** A role's translated name; roles this build does not know yet are shown as the server names them. */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return useCallback((role: string) => (isKnownRole(role) ? t(`roles.${role}`) : role), [t]);
}
