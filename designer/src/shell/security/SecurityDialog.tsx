import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confirmEnrolment,
  disableMfa,
  fetchMfaStatus,
  regenerateRecoveryCodes,
  startEnrolment,
  type Enrolment,
  type MfaStatus,
  type SecondFactor,
} from '../../api/mfa';
import { useErrorMessage } from '../../api/useErrorMessage';
import { EnrolmentDetails } from './EnrolmentDetails';
import { RecoveryCodes } from './RecoveryCodes';

/** A six-digit code or a recovery code, told apart by their shape. */
function factorOf(value: string): SecondFactor {
  const trimmed = value.replace(/\s/g, '');
  return /^\d{6}$/.test(trimmed) ? { code: trimmed } : { recoveryCode: value.trim() };
}

/**
 * The user's own second factor: enrol, see how many recovery codes are left, new codes, disable.
 * Mounted while open, so every opening starts afresh.
 */
export function SecurityDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    fetchMfaStatus().then(setStatus, setError);
  }, []);
  useEffect(load, [load]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setValue('');
      load();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const onConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      setCodes((await confirmEnrolment(value.replace(/\s/g, ''))).recoveryCodes);
      setEnrolment(null);
    });
  };

  const enabled = status?.enabled ?? false;
  const codeField = (label: string) => (
    <TextField
      id="security-code"
      label={label}
      autoComplete="one-time-code"
      size="small"
      fullWidth
      disabled={busy}
      value={value}
      onChange={(event) => setValue(event.target.value)}
    />
  );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="security-title">
      <DialogTitle id="security-title">{t('mfa.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error !== null && (
            <Alert severity="error" role="alert">
              {describe(error)}
            </Alert>
          )}
          {status && (
            <Typography data-testid="mfa-status">
              {enabled ? t('mfa.enabled', { count: status.recoveryCodesLeft }) : t('mfa.disabled')}
              {status.required && ` ${t('mfa.requiredForRole')}`}
            </Typography>
          )}
          {codes && <RecoveryCodes codes={codes} />}
          {!enabled && !enrolment && (
            <Button
              variant="contained"
              disabled={busy}
              onClick={() => void run(async () => setEnrolment(await startEnrolment()))}
              data-testid="mfa-enrol"
            >
              {t('mfa.enrol')}
            </Button>
          )}
          {enrolment && (
            <Stack component="form" spacing={2} onSubmit={onConfirm} noValidate>
              <EnrolmentDetails enrolment={enrolment} />
              {codeField(t('mfa.code'))}
              <Button
                type="submit"
                variant="contained"
                disabled={busy || value.trim() === ''}
                data-testid="mfa-confirm"
              >
                {t('mfa.confirm')}
              </Button>
            </Stack>
          )}
          {enabled && (
            <Stack spacing={1.5}>
              <Typography variant="body2">{t('mfa.manageHint')}</Typography>
              {codeField(t('mfa.codeOrRecovery'))}
              <Stack direction="row" spacing={1}>
                <Button
                  variant="outlined"
                  disabled={busy || value.trim() === ''}
                  onClick={() =>
                    void run(async () =>
                      setCodes((await regenerateRecoveryCodes(factorOf(value))).recoveryCodes),
                    )
                  }
                >
                  {t('mfa.regenerate')}
                </Button>
                {!status?.required && (
                  <Button
                    color="error"
                    variant="outlined"
                    disabled={busy || value.trim() === ''}
                    onClick={() =>
                      void run(async () => {
                        await disableMfa(factorOf(value));
                        setCodes(null);
                      })
                    }
                  >
                    {t('mfa.disable')}
                  </Button>
                )}
              </Stack>
            </Stack>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('mfa.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
