import { useAuth } from "@clerk/react";
import { useCallback, useMemo, type ReactNode } from "react";

/** Options of `useClerkUploadAuth`. */
export interface ClerkUploadAuthOptions {
  /** Shown in the drop area when no user is signed in. */
  signedOutMessage?: ReactNode;
  /** Shown in the drop area while Clerk loads. */
  loadingMessage?: ReactNode;
  /**
   * Name of a Clerk JWT template to request the token from, for upload
   * routes that check an `audience`. Default: the session token.
   */
  template?: string;
  /**
   * Treat sessions with pending tasks (such as choosing an organization) as
   * signed out, as Clerk and `clerkAuth()` do by default.
   */
  treatPendingAsSignedOut?: boolean;
}

/** Dropzone props that `useClerkUploadAuth` returns, to spread onto it. */
export interface ClerkUploadAuthProps {
  /**
   * Returns the `Authorization: Bearer` header with a session token that
   * Clerk refreshes when needed. The Dropzone calls it before every upload.
   */
  headers: () => Promise<HeadersInit>;
  /** `true` while Clerk loads and while no user is signed in. */
  disabled: boolean;
  /** Message that explains why uploads are disabled, or `undefined`. */
  disabledMessage: ReactNode | undefined;
}

/** The default signed-out message of `useClerkUploadAuth`. */
export const defaultSignedOutMessage = "Sign in to upload files.";

/** The default loading message of `useClerkUploadAuth`. */
export const defaultLoadingMessage = "Checking your sign-in…";

/**
 * Connects a Dropzone to Clerk. It sends the session token with every upload
 * request, because the `__session` cookie does not reach upload routes on
 * another origin. It also disables the drop area with a message while Clerk
 * loads or no user is signed in. Call it inside `<ClerkProvider>`.
 *
 * @example
 * ```tsx
 * const uploadAuth = useClerkUploadAuth();
 * return <Dropzone endpoint="avatar" {...uploadAuth} />;
 * ```
 */
export function useClerkUploadAuth(
  options: ClerkUploadAuthOptions = {},
): ClerkUploadAuthProps {
  const {
    signedOutMessage = defaultSignedOutMessage,
    loadingMessage = defaultLoadingMessage,
    template,
    treatPendingAsSignedOut = true,
  } = options;
  const { isLoaded, isSignedIn, getToken } = useAuth({
    treatPendingAsSignedOut,
  });

  const headers = useCallback(async (): Promise<HeadersInit> => {
    // A null token means the user signed out since the last render. Without
    // a header, the server rejects the upload with its "sign in" message.
    const token = await getToken(template ? { template } : undefined);

    return token ? { Authorization: `Bearer ${token}` } : {};
  }, [getToken, template]);

  let disabledMessage: ReactNode | undefined;
  if (!isLoaded) disabledMessage = loadingMessage;
  else if (!isSignedIn) disabledMessage = signedOutMessage;
  const disabled = !isLoaded || !isSignedIn;

  return useMemo(
    () => ({ headers, disabled, disabledMessage }),
    [headers, disabled, disabledMessage],
  );
}
