import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { redirectTarget } from '../../auth/redirectTarget';
import { useAuth } from '../../auth/useAuth';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher';
import { ProductMark } from '../../shell/ProductMark';
import { LoginForm } from './LoginForm';

export function LoginPage() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const location = useLocation();
  useDocumentTitle(t('login.title'));

  if (status === 'signedIn') return <Navigate to={redirectTarget(location.state)} replace />;

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Box component="header" sx={{ display: 'flex', justifyContent: 'flex-end', p: 2 }}>
        <LanguageSwitcher color="primary" />
      </Box>
      <Box component="main" sx={{ flex: 1, display: 'grid', placeItems: 'center', px: 2, pb: 8 }}>
        <Card sx={{ width: '100%', maxWidth: 420 }}>
          <CardContent sx={{ p: { xs: 3, sm: 4 } }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
              <ProductMark />
              <Typography component="p" variant="h5" sx={{ fontWeight: 700 }}>
                {t('app.name')}
              </Typography>
            </Box>
            <Typography color="text.secondary" sx={{ mb: 3 }}>
              {t('app.tagline')}
            </Typography>
            <Typography variant="h2" component="h1" sx={{ mb: 2 }}>
              {t('login.title')}
            </Typography>
            <LoginForm />
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
}
