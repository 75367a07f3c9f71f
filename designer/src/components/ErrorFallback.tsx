import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';

export function ErrorFallback() {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      data-testid="page-error"
      action={
        <Button color="inherit" size="small" onClick={() => window.location.reload()}>
          {t('errors.retry')}
        </Button>
      }
    >
      {t('errors.unexpected')}
    </Alert>
  );
}
