/**
 * Returns `target` when it is a path on this site, else "/". Only paths that
 * start with a single "/" pass, so `?next=` cannot send staff to another
 * origin ("//host" and "/\host" are protocol-relative in browsers).
 */
export function safeNextPath(target: string | null | undefined): string {
  if (!target || !target.startsWith("/")) {
    return "/";
  }
  if (target.startsWith("//") || target.startsWith("/\\")) {
    return "/";
  }
  return target;
}

/** Builds the sign-in address that returns to `pathname` afterwards. */
export function signInHref(pathname: string | null): string {
  const next = safeNextPath(pathname);
  if (next === "/" || next.startsWith("/sign-in")) {
    return "/sign-in";
  }
  return `/sign-in?next=${encodeURIComponent(next)}`;
}
