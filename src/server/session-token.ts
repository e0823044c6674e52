function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;

  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== name) continue;

    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/**
 * Returns the session token of a request: the `Authorization: Bearer` token
 * first, as Clerk does, then the `__session` cookie. A cookie token counts
 * only while Clerk's `__client_uat` cookie, when present, is not `0`.
 */
export function sessionTokenFromRequest(request: Request): string | undefined {
  const authorization = request.headers.get("authorization");
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  // Clients that interpolate a missing token send "Bearer null".
  if (bearer && bearer !== "null" && bearer !== "undefined") return bearer;

  const cookies = request.headers.get("cookie");
  // clerk-js sets __client_uat to 0 on sign-out, while the last __session
  // cookie may stay until its token expires (60 s for Clerk sessions).
  if (readCookie(cookies, "__client_uat") === "0") return undefined;

  return readCookie(cookies, "__session") || undefined;
}
