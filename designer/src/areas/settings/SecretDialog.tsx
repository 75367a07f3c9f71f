import CheckOutlined from '@mui/icons-material/CheckOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OAuthClientWithSecret } from './oauth-clients-api';

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Box>
      <Typography variant="subtitle2" component="p">
        {label}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <Box
          component="code"
          data-testid={testId}
          sx={{
            flexGrow: 1,
            p: 1,
            bgcolor: 'action.hover',
            borderRadius: 1,
            fontSize: '0.875rem',
            wordBreak: 'break-all',
            userSelect: 'all',
          }}
        >
          {value}
        </Box>
        <Button
          variant="outlined"
          size="small"
          onClick={() => void copy()}
          startIcon={copied ? <CheckOutlined /> : <ContentCopyOutlined />}
          aria-label={`${t('settings.clients.secret.copy')}: ${label}`}
          data-testid={`${testId}-copy`}
        >
          {copied ? t('settings.clients.secret.copied') : t('settings.clients.secret.copy')}
        </Button>
      </Box>
    </Box>
  );
}

/** The secret of a new or rotated client, shown this once; closing needs a confirmation. */
export function SecretDialog({ client, onClose }: { client: OAuthClientWithSecret; onClose(): void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <Dialog open fullWidth maxWidth="sm" aria-labelledby="secret-title" data-testid="secret-dialog">
      <DialogTitle id="secret-title">{t('settings.clients.secret.title', { name: client.name })}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Alert severity="warning" data-testid="secret-warning">
          {t('settings.clients.secret.warning')}
        </Alert>
        <CopyField
          label={t('settings.clients.secret.clientId')}
          value={client.clientId}
          testId="secret-client-id"
        />
        <CopyField
          label={t('settings.clients.secret.secret')}
          value={client.clientSecret}
          testId="secret-value"
        />
        {client.previousSecretValidUntil && (
          <Typography variant="body2" color="text.secondary">
            {t('settings.clients.secret.graceUntil', {
              until: new Date(client.previousSecretValidUntil).toLocaleString(),
            })}
          </Typography>
        )}
        <FormControlLabel
          control={
            <Checkbox
              checked={stored}
              onChange={(e) => setStored(e.target.checked)}
              slotProps={{ input: { 'data-testid': 'secret-stored' } as object }}
            />
          }
          label={t('settings.clients.secret.stored')}
        />
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} disabled={!stored} data-testid="secret-close">
          {t('settings.clients.secret.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
