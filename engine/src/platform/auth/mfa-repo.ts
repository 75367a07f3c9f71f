import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Db } from '../../infra/db/create-knex.js';
import { base32Encode } from './totp.js';

/** AES-256-GCM with a key derived from TRAMIT_MFA_KEY (or the session secret): a copy of the table holds no usable secret. */
export class SecretBox {
  private readonly key: Buffer;
  constructor(keyMaterial: string) {
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, 'tramit', 'mfa-totp-secret', 32));
  }
  seal(plain: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }
  open(sealed: string): Buffer {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown sealed secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  }
}

export interface MfaRow {
  user_id: string;
  secret_enc: string;
  confirmed_at: Date | null;
  last_step: string | number;
}

export async function findMfa(db: Db | Knex.Transaction, userId: string): Promise<MfaRow | undefined> {
  return (await db<MfaRow>('user_mfa').where({ user_id: userId }).first()) as MfaRow | undefined;
}

/** A new, unconfirmed secret (replacing an unconfirmed one). */
export async function startEnrolment(db: Db, box: SecretBox, userId: string): Promise<Buffer> {
  const secret = randomBytes(20);
  await db('user_mfa')
    .insert({ user_id: userId, secret_enc: box.seal(secret), confirmed_at: null, last_step: 0 })
    .onConflict('user_id')
    .merge();
  return secret;
}

/** Records the step of an accepted code, only if no later one was used (two requests racing with one code: one wins). */
export async function useStep(db: Db | Knex.Transaction, userId: string, step: number): Promise<boolean> {
  const updated = await db('user_mfa')
    .where({ user_id: userId })
    .andWhere('last_step', '<', step)
    .update({ last_step: step });
  return updated === 1;
}

export async function confirmEnrolment(trx: Knex.Transaction, userId: string): Promise<void> {
  await trx('user_mfa').where({ user_id: userId }).update({ confirmed_at: trx.fn.now() });
}

export async function deleteMfa(trx: Knex.Transaction, userId: string): Promise<void> {
  await trx('mfa_recovery_codes').where({ user_id: userId }).delete();
  await trx('user_mfa').where({ user_id: userId }).delete();
}

/** Recovery codes carry 80 random bits, so SHA-256 is enough to store them (no slow hash needed). */
function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('base64url');
}

export const recoveryCodeCount = 10;

/** Replaces every recovery code; the new codes, shown once. */
export async function replaceRecoveryCodes(trx: Knex.Transaction, userId: string): Promise<string[]> {
  const codes = Array.from({ length: recoveryCodeCount }, () =>
    base32Encode(randomBytes(10)).replace(/(.{4})(?=.)/g, '$1-'),
  );
  await trx('mfa_recovery_codes').where({ user_id: userId }).delete();
  await trx('mfa_recovery_codes').insert(
    codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code) })),
  );
  return codes;
}

/** Spends a recovery code: true once per code. */
export async function useRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const updated = await db('mfa_recovery_codes')
    .where({ user_id: userId, code_hash: hashRecoveryCode(code) })
    .whereNull('used_at')
    .update({ used_at: db.fn.now() });
  return updated === 1;
}

export async function countRecoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const [{ count }] = (await db('mfa_recovery_codes')
    .where({ user_id: userId })
    .whereNull('used_at')
    .count({ count: '*' })) as [{ count: string | number }];
  return Number(count);
}
