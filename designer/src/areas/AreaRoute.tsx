import { useAuth } from '../auth/useAuth';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import type { Area } from './areas';

/** Renders an area's (lazy) page, or the "not allowed" page when the user lacks its permission. */
export function AreaRoute({ area }: { area: Area }) {
  const { hasPermission } = useAuth();
  if (!hasPermission(area.permission)) return <ForbiddenPage />;
  const Page = area.component;
  return <Page />;
}
