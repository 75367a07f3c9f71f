import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api/auth';
import { completeLogin, enrolDuringLogin, type Enrolment, type MfaChallenge } from '../../api/mfa';
import { EnrolmentDetails } from '../../shell/security/EnrolmentDetails';
import { RecoveryCodes } from '../../shell/security/RecoveryCodes';
import { useLoginErrorMessage } from './useLoginErrorMessage';

interface SecondFactorFormProps {
  challenge: MfaChallenge;
  onSignedIn(session: Session): void;
  onCancel(): void;
}

/**
 * The second step of a sign-in: a code from the authenticator app or a recovery code. An account
 * that must have a second factor and has none enrols here first, and sees its recovery codes
 * before it goes on.
 */
export function SecondFactorForm({ challenge, onSignedIn, onCancel }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const describe = useLoginErrorMessage();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [done, setDone] = useState<{ session: Session; codes: string[] } | null>(null);

  useEffect(() => {
    if (!challenge.enrolmentRequired) return;
    enrolDuringLogin(challenge.mfaToken).then(setEnrolment, (cause: unknown) => setError({ cause }));
  }, [challenge]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || value.trim() === '') return;
    setSubmitting(true);
    setError(null);
    try {
      const factor = useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') };
      const { recoveryCodes, ...session } = await completeLogin(challenge.mfaToken, factor);
      if (recoveryCodes) setDone({ session, codes: recoveryCodes });
      else onSignedIn(session);
    } catch (cause) {
      setError({ cause });
      setSubmitting(false);
    }
  };

  if (done) {
    return (
      <Stack spacing={2}>
        <RecoveryCodes codes={done.codes} />
        <Button
          variant="contained"
          autoFocus
          onClick={() => onSignedIn(done.session)}
          data-testid="mfa-continue"
        >
          {t('mfa.continue')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack component="form" spacing={2.5} noValidate onSubmit={onSubmit} aria-busy={submitting}>
      {error && (
        <Alert severity="error" role="alert" data-testid="mfa-error">
          {describe(error.cause)}
        </Alert>
      )}
      {challenge.enrolmentRequired ? (
        <>
          <Typography>{t('mfa.enrolmentRequired')}</Typography>
          {enrolment && <EnrolmentDetails enrolment={enrolment} />}
        </>
      ) : (
        <Typography>{useRecovery ? t('mfa.recoveryPrompt') : t('mfa.codePrompt')}</Typography>
      )}
      <TextField
        id="mfa-code"
        name={useRecovery ? 'recoveryCode' : 'code'}
        label={useRecovery ? t('mfa.recoveryCode') : t('mfa.code')}
        autoComplete="one-time-code"
        autoFocus
        required
        fullWidth
        disabled={submitting}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        slotProps={{
          htmlInput: useRecovery ? {} : { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6 },
        }}
      />
      <Button
        type="submit"
        variant="contained"
        size="large"
        fullWidth
        disabled={submitting}
        data-testid="mfa-submit"
      >
        {t('mfa.verify')}
      </Button>
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        {!challenge.enrolmentRequired && (
          <Link
            component="button"
            type="button"
            onClick={() => {
              setUseRecovery((shown) => !shown);
              setValue('');
            }}
          >
            {useRecovery ? t('mfa.useCode') : t('mfa.useRecoveryCode')}
          </Link>
        )}
        <Link component="button" type="button" onClick={onCancel}>
          {t('mfa.back')}
        </Link>
      </Stack>
    </Stack>
  );
}
