import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import type { OAuthClient } from './oauth-clients-api';

/** How long the old secret may keep working after a rotation. */
const graceOptions = [
  { seconds: 0, key: 'none' },
  { seconds: 3_600, key: 'hour' },
  { seconds: 86_400, key: 'day' },
  { seconds: 604_800, key: 'week' },
] as const;

interface ConfirmProps {
  client: OAuthClient;
  onClose(): void;
}

function useRun(onClose: () => void) {
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
      return;
    }
    onClose();
  };
  return { busy, failure, run };
}

export function RotateDialog({
  client,
  onClose,
  onRotate,
}: ConfirmProps & { onRotate(grace: number): Promise<void> }) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState(0);
  const { busy, failure, run } = useRun(() => undefined);
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      aria-labelledby="rotate-title"
      data-testid="rotate-dialog"
    >
      <DialogTitle id="rotate-title">{t('settings.clients.rotate.title', { name: client.name })}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {failure && <Alert severity="error">{failure}</Alert>}
        <DialogContentText>{t('settings.clients.rotate.text')}</DialogContentText>
        <TextField
          select
          label={t('settings.clients.rotate.grace')}
          value={grace}
          onChange={(e) => setGrace(Number(e.target.value))}
          helperText={
            grace === 0 ? t('settings.clients.rotate.graceNoneHelp') : t('settings.clients.rotate.graceHelp')
          }
          slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'rotate-grace' } as object } }}
        >
          {graceOptions.map((option) => (
            <MenuItem key={option.key} value={option.seconds} data-testid={`rotate-grace-${option.key}`}>
              {t(`settings.clients.rotate.graceOptions.${option.key}`)}
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('settings.clients.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => void run(() => onRotate(grace))}
          data-testid="rotate-confirm"
        >
          {t('settings.clients.rotate.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function RevokeDialog({ client, onClose, onRevoke }: ConfirmProps & { onRevoke(): Promise<void> }) {
  const { t } = useTranslation();
  const { busy, failure, run } = useRun(onClose);
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      aria-labelledby="revoke-title"
      data-testid="revoke-dialog"
    >
      <DialogTitle id="revoke-title">{t('settings.clients.revoke.title', { name: client.name })}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {failure && <Alert severity="error">{failure}</Alert>}
        <DialogContentText>{t('settings.clients.revoke.text', { id: client.clientId })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {t('settings.clients.cancel')}
        </Button>
        <Button
          variant="contained"
          color="error"
          disabled={busy}
          onClick={() => void run(onRevoke)}
          data-testid="revoke-confirm"
        >
          {t('settings.clients.revoke.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
