import { parseAuditKeys, useAuditKeys } from '../src/platform/audit/audit-keys.js';

/**
 * The audit keys of every test: test files that append to the audit log without a server sign with
 * them, and test servers are given the same (`TRAMIT_AUDIT_KEYS`), so one file may do both.
 */
export const testAuditKeys = JSON.stringify([
  { kid: 'test-audit-1', key: Buffer.alloc(32, 'tramit test audit key, not secret').toString('base64url') },
]);

useAuditKeys(parseAuditKeys(testAuditKeys));
