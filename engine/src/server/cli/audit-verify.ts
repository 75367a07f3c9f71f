import { verifyAudit } from '../../platform/audit/verify-audit.js';
import { configuredAuditKeys } from '../../platform/audit/audit-keys.js';
import { resolveSecrets } from '../../platform/auth/secrets.js';
import { ConfigError, loadConfig } from '../../infra/config/config.js';
import { createKnex } from '../../infra/db/create-knex.js';
import { parseAuditVerifyArgs } from './audit-verify-args.js';

/**
 * `npm run audit:verify [-- --expect-head <seq>:<hash>]`: walks the audit hash chain in batches,
 * checks it against its checkpoints (and the expected head, e.g. from an `audit checkpoint` log
 * line) and names the first broken entry. Exit code 0 when intact, 2 when broken, 1 on error.
 */
async function run(): Promise<number> {
  const args = parseAuditVerifyArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.error);
    return 1;
  }
  const config = loadConfig();
  // The keys the server signs with: TRAMIT_AUDIT_KEYS, or in development the data directory's.
  const keys = configuredAuditKeys(config.auditKeys ?? (await resolveSecrets(config)).auditKeys);
  const db = createKnex(
    config.database.kind === 'postgres' ? { ...config.database, poolMax: 1 } : config.database,
  );
  try {
    const started = Date.now();
    const result = await verifyAudit(db, {
      ...(args.expectHead ? { expectHead: args.expectHead } : {}),
      keys,
      batchSize: 10_000,
      onProgress: (checked) => {
        if (checked % 100_000 === 0) console.error(`checked ${checked} entries`);
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      console.log(
        `Audit chain intact: ${result.checked} entries checked in ${seconds} s (last seq ${result.lastSeq ?? '-'}).`,
      );
      return 0;
    }
    const broken = result.firstBroken!;
    const witnessed = broken.reason === 'truncated' || broken.reason === 'checkpoint';
    console.log(
      `Audit chain BROKEN at entry seq ${broken.seq} (${broken.reason}): ${broken.message}. ` +
        (witnessed
          ? `Its ${result.checked} entries link intact (last seq ${result.lastSeq ?? '-'}).`
          : `${result.checked} entries before it are intact.`),
    );
    return 2;
  } finally {
    await db.destroy();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
