import { createSign, generateKeyPairSync } from "node:crypto";

/** An RSA key pair like the one a Clerk instance signs session tokens with. */
export interface SigningKey {
  privateKeyPem: string;
  /** SPKI PEM, the format of Clerk's "JWT public key". */
  publicKeyPem: string;
  kid: string;
}

/** Generates a 2048-bit RSA key, the size Clerk uses. */
export function generateSigningKey(kid = "ins_test"): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
  });

  return {
    privateKeyPem: privateKey
      .export({ type: "pkcs8", format: "pem" })
      .toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    kid,
  };
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/** Origin of the app that requested the token, as Clerk puts it in `azp`. */
export const appOrigin = "http://localhost:3000";

/** Issuer of the tokens, in the format of a Clerk development instance. */
export const issuer = "https://clerk.dropsync.test";

/**
 * Signs an RS256 session token with the claims Clerk puts in one (`sub`,
 * `sid`, `iss`, `azp`, `iat`, `nbf`, `exp`, `v`), overridden by `claims`.
 * Times are in seconds since the epoch.
 */
export function signSessionToken(
  key: SigningKey,
  claims: Record<string, unknown> = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: "user_2abc",
    sid: "sess_2abc",
    iss: issuer,
    azp: appOrigin,
    iat: now - 5,
    nbf: now - 15,
    exp: now + 60,
    v: 2,
    sts: "active",
    ...claims,
  };
  const header = { alg: "RS256", typ: "JWT", kid: key.kid };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign("RSA-SHA256")
    .update(signingInput)
    .sign(key.privateKeyPem);

  return `${signingInput}.${base64url(signature)}`;
}
