import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiClientsPage } from './ApiClientsPage';

/** The settings pages, each a tab; only API clients for now. */
const pages = [{ path: 'api-clients', key: 'clients', element: <ApiClientsPage /> }] as const;

export default function SettingsArea() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = pages.find((page) => pathname.startsWith(`/settings/${page.path}`))?.path ?? false;
  return (
    <Box>
      <Typography id="area-title" variant="h1" component="h1" data-testid="area-title" gutterBottom>
        {t('areas.settings.title')}
      </Typography>
      <Tabs
        value={current}
        aria-label={t('areas.settings.title')}
        sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}
      >
        {pages.map((page) => (
          <Tab
            key={page.path}
            value={page.path}
            label={t(`settings.${page.key}.title`)}
            component={Link}
            to={`/settings/${page.path}`}
            data-testid={`settings-tab-${page.path}`}
          />
        ))}
      </Tabs>
      <Routes>
        <Route index element={<Navigate to="api-clients" replace />} />
        {pages.map((page) => (
          <Route key={page.path} path={`${page.path}/*`} element={page.element} />
        ))}
        <Route path="*" element={<Navigate to="api-clients" replace />} />
      </Routes>
    </Box>
  );
}
