import ConstructionOutlined from '@mui/icons-material/ConstructionOutlined';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../components/useDocumentTitle';
import type { AreaId } from './areas';

/** Heading and "empty for now" notice shown by areas that have no content yet. */
export function AreaPlaceholder({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  const title = t(`areas.${area}.title`);
  useDocumentTitle(title);
  return (
    <Box component="section" aria-labelledby="area-title">
      <Typography id="area-title" variant="h1" component="h1" data-testid="area-title" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t(`areas.${area}.description`)}
      </Typography>
      <Paper
        data-testid="area-placeholder"
        sx={{
          p: 4,
          display: 'flex',
          alignItems: 'center',
          gap: 2,
          borderStyle: 'dashed',
          bgcolor: 'transparent',
        }}
      >
        <ConstructionOutlined color="action" />
        <Typography>{t('areas.placeholder')}</Typography>
      </Paper>
    </Box>
  );
}
