import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth';
import type { MfaChallenge } from '../../api/mfa';
import { PasswordField } from './PasswordField';
import { SecondFactorForm } from './SecondFactorForm';
import { useLoginErrorMessage } from './useLoginErrorMessage';

/**
 * Username and password, then the second factor when the account has one; on success the auth
 * state changes and the login page redirects.
 */
export function LoginForm() {
  const { t } = useTranslation();
  const { login, adoptSession, sessionExpired } = useAuth();
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const describe = useLoginErrorMessage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  // Kept as the cause, not as text, so the message follows a language change.
  const [error, setError] = useState<{ cause: unknown } | 'missing' | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (username.trim() === '' || password === '') {
      setError('missing');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const next = await login({ username: username.trim(), password });
      if (next) {
        setChallenge(next);
        setPassword('');
        setSubmitting(false);
      }
    } catch (cause) {
      setError({ cause });
      setSubmitting(false);
    }
  };

  if (challenge) {
    return (
      <SecondFactorForm challenge={challenge} onSignedIn={adoptSession} onCancel={() => setChallenge(null)} />
    );
  }

  return (
    <Stack component="form" spacing={2.5} noValidate onSubmit={onSubmit} aria-busy={submitting}>
      {error !== null ? (
        <Alert severity="error" data-testid="login-error" role="alert">
          {error === 'missing' ? t('login.missingFields') : describe(error.cause)}
        </Alert>
      ) : (
        sessionExpired && (
          <Alert severity="warning" data-testid="session-expired" role="status">
            {t('login.sessionExpired')}
          </Alert>
        )
      )}
      <TextField
        id="username"
        name="username"
        label={t('login.username')}
        autoComplete="username"
        autoFocus
        required
        fullWidth
        disabled={submitting}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <PasswordField value={password} onChange={setPassword} disabled={submitting} />
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth
        disabled={submitting}
        data-testid="login-submit"
        startIcon={submitting ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
      >
        {submitting ? t('login.submitting') : t('login.submit')}
      </Button>
    </Stack>
  );
}
