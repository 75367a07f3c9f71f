import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: each works once instead of a code from the app. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert severity="warning" role="status">
      {t('mfa.recoveryCodesIntro')}
      <Box
        component="ul"
        data-testid="mfa-recovery-codes"
        sx={{ fontFamily: 'monospace', columns: 2, pl: 2, my: 1 }}
        tabIndex={0}
        aria-label={t('mfa.recoveryCodes')}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
    </Alert>
  );
}
