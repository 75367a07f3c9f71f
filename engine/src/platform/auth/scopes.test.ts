import { describe, expect, it } from 'vitest';
import { grantScopes, permissionsOfGrant, scopesOfRoles } from './scopes.js';

describe('grantScopes', () => {
  const worker = {
    roles: ['integration' as const],
    scopes: ['jobs:work' as const, 'messages:publish' as const],
  };
  const legacy = { roles: ['integration' as const], scopes: null };

  it.each([
    ['nothing asked: all allowed', undefined, worker, ['jobs:work', 'messages:publish']],
    ['an empty string is nothing asked', '', worker, ['jobs:work', 'messages:publish']],
    ['the intersection', 'jobs:work entities:read', worker, ['jobs:work']],
    ['extra spaces are ignored', ' jobs:work  messages:publish ', worker, ['jobs:work', 'messages:publish']],
    ['no limit and nothing asked: the roles decide', undefined, legacy, null],
    ['no limit: what the roles cover', 'entities:read', legacy, ['entities:read']],
  ])('%s', (_name, requested, client, expected) => {
    expect(grantScopes(requested, client)).toEqual({ ok: true, scopes: expected });
  });

  it.each([
    ['an unknown scope', 'jobs:work admin'],
    ['nothing allowed of what is asked', 'entities:read'],
    ['not a string', ['jobs:work']],
  ])('refuses %s as invalid_scope', (_name, requested) => {
    expect(grantScopes(requested, worker)).toMatchObject({ ok: false, error: 'invalid_scope' });
  });
});

describe('permissionsOfGrant', () => {
  it('narrows the roles to the scopes, and never widens them', () => {
    expect(permissionsOfGrant(['integration'], ['jobs:work'])).toEqual(['jobs.work']);
    expect(permissionsOfGrant(['agent'], ['jobs:work'])).toEqual([]);
    expect(permissionsOfGrant(['agent'], null)).toContain('tasks.work');
  });

  it('the integration role covers the scopes its workers need', () => {
    expect(scopesOfRoles(['integration'])).toEqual(
      expect.arrayContaining(['jobs:work', 'processes:start', 'messages:publish', 'entities:write']),
    );
    expect(scopesOfRoles(['agent'])).not.toContain('jobs:work');
  });
});
