import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../api/mfa';

/** The new secret as an authenticator app takes it: the otpauth URI and the key to type in. */
export function EnrolmentDetails({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const grouped = enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <Box data-testid="mfa-enrolment">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('mfa.enrolInstructions')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('mfa.secret')}
      </Typography>
      <Typography
        component="code"
        data-testid="mfa-secret"
        sx={{ fontFamily: 'monospace', display: 'block', mb: 1 }}
      >
        {grouped}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('mfa.uri')}
      </Typography>
      <Typography
        component="code"
        data-testid="mfa-uri"
        sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all', display: 'block' }}
      >
        <a href={enrolment.otpauthUri}>{enrolment.otpauthUri}</a>
      </Typography>
    </Box>
  );
}
