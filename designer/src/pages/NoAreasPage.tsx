import HubOutlined from '@mui/icons-material/HubOutlined';
import { useTranslation } from 'react-i18next';
import { MessagePage } from '../components/MessagePage';

/** Shown to accounts (e.g. the integration role) whose permissions open no area of the browser app. */
export function NoAreasPage() {
  const { t } = useTranslation();
  return <MessagePage testId="no-areas" icon={HubOutlined} title={t('pages.noAreas.message')} />;
}
