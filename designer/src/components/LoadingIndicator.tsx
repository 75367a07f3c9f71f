import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';

/** A centred spinner: for the whole window on start-up, or for the content area while a page loads. */
export function LoadingIndicator({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box
      data-testid="loading"
      role="status"
      sx={{ display: 'grid', placeItems: 'center', minHeight: fullPage ? '100vh' : 240, width: '100%' }}
    >
      <CircularProgress aria-label={t('app.loading')} />
    </Box>
  );
}
