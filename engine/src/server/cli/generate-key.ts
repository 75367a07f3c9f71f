import { generateSigningKeyJson } from '../../platform/auth/signing-keys.js';

/**
 * Prints a new ES256 private JWK list for TRAMIT_JWT_KEYS. To rotate, put the new key first and keep
 * the previous one after it until tokens signed with it have expired:
 *   TRAMIT_JWT_KEYS='[<new>, <old>]'
 */
generateSigningKeyJson().then(
  (json) => console.log(json),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
