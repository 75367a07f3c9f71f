import { Route, Routes } from 'react-router-dom';
import { AreaRoute } from '../areas/AreaRoute';
import { areas } from '../areas/areas';
import { RequireAuth } from '../auth/RequireAuth';
import { HomeRedirect } from '../pages/HomeRedirect';
import { LoginPage } from '../pages/login/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { Shell } from '../shell/Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <Shell />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        {areas.map((area) => (
          <Route key={area.id} path={`${area.path}/*`} element={<AreaRoute area={area} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
