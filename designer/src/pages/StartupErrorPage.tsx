import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../api/useErrorMessage';
import { useAuth } from '../auth/useAuth';

/** The session could not be loaded for a reason other than "not signed in" (server down, 5xx). */
export function StartupErrorPage() {
  const { t } = useTranslation();
  const { loadError, reload } = useAuth();
  const describe = useErrorMessage();
  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Alert
        severity="error"
        data-testid="startup-error"
        sx={{ maxWidth: 560 }}
        action={
          <Button color="inherit" size="small" onClick={reload}>
            {t('errors.retry')}
          </Button>
        }
      >
        <AlertTitle>{t('errors.sessionLoad')}</AlertTitle>
        {describe(loadError)}
      </Alert>
    </Box>
  );
}
