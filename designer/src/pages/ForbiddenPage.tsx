import BlockOutlined from '@mui/icons-material/BlockOutlined';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { MessagePage } from '../components/MessagePage';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <MessagePage
      testId="forbidden"
      icon={BlockOutlined}
      title={t('pages.forbidden.title')}
      body={t('pages.forbidden.body')}
      action={
        <Button variant="contained" component={RouterLink} to="/">
          {t('pages.forbidden.back')}
        </Button>
      }
    />
  );
}
