import { useMemo } from 'react';
import { useAuth } from '../auth/useAuth';
import { areas, type Area } from './areas';

/** The areas the signed-in user's permissions open, in navigation order. */
export function useVisibleAreas(): readonly Area[] {
  const { hasPermission } = useAuth();
  return useMemo(() => areas.filter((area) => hasPermission(area.permission)), [hasPermission]);
}
