import { auditHeadFormat, parseAuditHead, type AuditHead } from '../../platform/audit/audit-witness.js';

export type AuditVerifyArgs = { ok: true; expectHead?: AuditHead } | { ok: false; error: string };

export const auditVerifyUsage = 'usage: audit-verify [--expect-head <seq>:<hash>]';

/** The command line of `npm run audit:verify`: `--expect-head <seq>:<hash>` or `--expect-head=<seq>:<hash>`. */
export function parseAuditVerifyArgs(argv: readonly string[]): AuditVerifyArgs {
  let expectHead: AuditHead | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = arg.startsWith('--expect-head=') ? arg.slice('--expect-head='.length) : undefined;
    if (arg !== '--expect-head' && inline === undefined) {
      return { ok: false, error: `unknown argument "${arg}"\n${auditVerifyUsage}` };
    }
    if (expectHead) return { ok: false, error: '--expect-head is given more than once' };
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, error: `--expect-head needs a value: ${auditHeadFormat}` };
    const head = parseAuditHead(value);
    if (!head)
      return { ok: false, error: `--expect-head "${value}" is malformed: expected ${auditHeadFormat}` };
    expectHead = head;
  }
  return expectHead ? { ok: true, expectHead } : { ok: true };
}
