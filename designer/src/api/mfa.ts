import { api } from './client';
import type { Session } from './auth';

/** What POST /api/v1/auth/login answers when a second factor is needed (no session yet). */
export interface MfaChallenge {
  mfaRequired: true;
  enrolmentRequired: boolean;
  mfaToken: string;
}

/** A code from the authenticator app, or one of the recovery codes. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export interface Enrolment {
  secret: string;
  otpauthUri: string;
}

export interface MfaStatus {
  enabled: boolean;
  pending: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

export type SessionWithCodes = Session & { recoveryCodes?: string[] };

export function isMfaChallenge(value: unknown): value is MfaChallenge {
  return typeof value === 'object' && value !== null && (value as MfaChallenge).mfaRequired === true;
}

export function completeLogin(mfaToken: string, factor: SecondFactor): Promise<SessionWithCodes> {
  return api.post<SessionWithCodes>(
    '/api/v1/auth/login/mfa',
    { mfaToken, ...factor },
    { expectUnauthorized: true },
  );
}

export function enrolDuringLogin(mfaToken: string): Promise<Enrolment> {
  return api.post<Enrolment>('/api/v1/auth/login/mfa/enrol', { mfaToken }, { expectUnauthorized: true });
}

export const fetchMfaStatus = () => api.get<MfaStatus>('/api/v1/auth/mfa');
export const startEnrolment = () => api.post<Enrolment>('/api/v1/auth/mfa/enrol', {});
export const confirmEnrolment = (code: string) =>
  api.post<{ recoveryCodes: string[] }>('/api/v1/auth/mfa/confirm', { code });
export const regenerateRecoveryCodes = (factor: SecondFactor) =>
  api.post<{ recoveryCodes: string[] }>('/api/v1/auth/mfa/recovery-codes', factor);
export const disableMfa = (factor: SecondFactor) => api.post<void>('/api/v1/auth/mfa/disable', factor);
