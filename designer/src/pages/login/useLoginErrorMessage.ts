import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useErrorMessage } from '../../api/useErrorMessage';

/** Login failures: translated messages for wrong credentials, codes and lock-outs, the problem detail otherwise. */
export function useLoginErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.problem.type.endsWith(':invalid-mfa-code')) return t('mfa.invalidCode');
      if (isApiError(error) && error.problem.type.endsWith(':mfa-challenge-invalid')) return t('mfa.expired');
      if (isApiError(error) && error.status === 401) return t('login.invalidCredentials');
      if (isApiError(error) && error.status === 429) return t('login.rateLimited');
      return describe(error);
    },
    [t, describe],
  );
}
