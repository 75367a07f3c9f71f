import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './ApiError';

/** Turns any error into text for the user: the server's problem detail (or title) when there is one. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error)) return t('errors.unexpected');
      if (error.isNetworkError) return t('errors.network');
      return error.problem.detail ?? error.problem.title;
    },
    [t],
  );
}
