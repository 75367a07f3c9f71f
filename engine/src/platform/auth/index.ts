import type { Config } from '../../infra/config/config.js';
import type { HttpModule } from '../../http/http-module.js';
import type { AuthSettings } from './authenticate.js';
import { ClientStatusCache } from './client-status-cache.js';
import { oauthClientRoutes } from './oauth-client-routes.js';
import { oauthRoutes } from './oauth-routes.js';
import { sessionAuthRoutes } from './session-auth-routes.js';
import { deleteExpiredSessions } from './sessions-repo.js';
import { sweepSignIns } from './login-attempts-repo.js';
import { mfaLoginRoutes } from './mfa-login-routes.js';
import { mfaRoutes } from './mfa-routes.js';
import { SignInProtection } from './sign-in-protection.js';
import { userSecurityRoutes } from './user-security-routes.js';
import type { SigningKeys } from './signing-keys.js';
import { userRoutes } from './user-routes.js';

/** The secrets the server shell resolved (and checked) before opening the database. */
export interface AuthSecrets {
  sessionSecret: string;
  keys: SigningKeys;
}

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Provided by the server shell, not by a module. */
    secrets: AuthSecrets;
    /** Sessions, tokens and clients: what `guard` and `authenticate` check requests against. */
    auth: AuthSettings;
  }
}

const sessionSweepMs = 10 * 60_000;

/** Whether cookies carry `Secure` (and the CSP asks browsers to upgrade to HTTPS). */
export function usesSecureCookies(config: Config): boolean {
  return config.publicUrl ? config.publicUrl.startsWith('https:') : config.production;
}

export function authSettings(config: Config, db: AuthSettings['db'], secrets: AuthSecrets): AuthSettings {
  return {
    db,
    sessions: {
      secret: secrets.sessionSecret,
      idleMs: config.session.idleMs,
      absoluteMs: config.session.absoluteMs,
    },
    keys: secrets.keys,
    tokens: {
      issuer: config.publicUrl ?? 'tramit',
      audience: config.jwt.audience,
      ttlSeconds: config.jwt.ttlSeconds,
    },
    cookieName: 'tramit_session',
    trustedOrigins: config.publicUrl ? [new URL(config.publicUrl).origin] : [],
    clients: {
      status: new ClientStatusCache(db, config.clients.statusCacheMs),
      maxGraceSeconds: config.clients.maxGraceSeconds,
    },
  };
}

/** Sign-in (sessions, OAuth client credentials), users, OAuth clients, and the expired-session sweeper. */
export function authModule(): HttpModule<'auth'> {
  let sweeper: NodeJS.Timeout | undefined;
  return {
    name: 'auth',
    dependsOn: ['secrets'],
    init: ({ config, db, get }) => authSettings(config, db, get('secrets')),
    routes(router, { config, db, get }) {
      const auth = get('auth');
      const signIn = {
        auth,
        secureCookies: usesSecureCookies(config),
        signIn: new SignInProtection(config.login),
      };
      oauthRoutes(router, {
        db,
        keys: auth.keys,
        tokens: auth.tokens,
        bodyLimit: config.bodyLimit,
        signIn: signIn.signIn,
      });
      sessionAuthRoutes(router, signIn);
      mfaLoginRoutes(router, signIn);
      mfaRoutes(router, signIn);
      userRoutes(router, { db });
      oauthClientRoutes(router, { db, auth });
      userSecurityRoutes(router, { db });
    },
    start({ config, db, logger, get }) {
      const { sessions } = get('auth');
      sweeper = setInterval(() => {
        deleteExpiredSessions(db, sessions).catch((error: unknown) =>
          logger.warn({ err: error }, 'could not delete expired sessions'),
        );
        sweepSignIns(db, config.login).catch((error: unknown) =>
          logger.warn({ err: error }, 'could not sweep sign-ins'),
        );
      }, sessionSweepMs);
      sweeper.unref();
    },
    stop() {
      clearInterval(sweeper);
    },
  };
}
