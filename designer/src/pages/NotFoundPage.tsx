import SearchOff from '@mui/icons-material/SearchOff';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { MessagePage } from '../components/MessagePage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <MessagePage
      testId="not-found"
      icon={SearchOff}
      title={t('pages.notFound.title')}
      body={t('pages.notFound.body')}
      action={
        <Button variant="contained" component={RouterLink} to="/">
          {t('pages.notFound.back')}
        </Button>
      }
    />
  );
}
