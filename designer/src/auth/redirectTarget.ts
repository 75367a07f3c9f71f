/** Where to go after signing in: the route the visitor originally asked for, else the start page. */
export function redirectTarget(state: unknown): string {
  const from = (state as { from?: { pathname?: unknown; search?: unknown; hash?: unknown } } | null)?.from;
  const pathname = typeof from?.pathname === 'string' ? from.pathname : '';
  // Only same-app paths: never '//host' (protocol-relative) and never back to the login page itself.
  if (!pathname.startsWith('/') || pathname.startsWith('//') || pathname === '/login') return '/';
  const search = typeof from?.search === 'string' ? from.search : '';
  const hash = typeof from?.hash === 'string' ? from.hash : '';
  return `${pathname}${search}${hash}`;
}
