import { generateAuditKeysJson } from '../../platform/audit/audit-keys.js';
import { generateSigningKeyJson } from '../../platform/auth/signing-keys.js';

/**
 * Prints a new ES256 private JWK list for TRAMIT_JWT_KEYS. To rotate, put the new key first and keep
 * the previous one after it until tokens signed with it have expired:
 *   TRAMIT_JWT_KEYS='[<new>, <old>]'
 * With `--audit`: a new one-key list for TRAMIT_AUDIT_KEYS (the audit chain's HMAC key). To rotate,
 * put the new key first and keep every old one after it: the entries they signed verify with them.
 */
const audit = process.argv.includes('--audit');
(audit ? Promise.resolve(generateAuditKeysJson()) : generateSigningKeyJson()).then(
  (json) => console.log(json),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
