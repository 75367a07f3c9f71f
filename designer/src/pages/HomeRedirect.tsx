import { Navigate } from 'react-router-dom';
import { useVisibleAreas } from '../areas/useVisibleAreas';
import { NoAreasPage } from './NoAreasPage';

/** The start page: the first area the user may see, or an explanation when there is none. */
export function HomeRedirect() {
  const [first] = useVisibleAreas();
  return first ? <Navigate to={first.path} replace /> : <NoAreasPage />;
}
