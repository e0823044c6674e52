import { vi } from "vitest";

/** The part of `useAuth()`'s result that dropsync/clerk reads. */
export interface MockAuthState {
  isLoaded: boolean;
  isSignedIn: boolean | undefined;
  getToken: (options?: { template?: string }) => Promise<string | null>;
}

/**
 * The auth state that the mocked `useAuth` returns. Clerk's provider loads
 * clerk-js from Clerk's CDN, which tests cannot reach, so `@clerk/react`
 * itself is replaced in these tests.
 */
export const clerkState: { current: MockAuthState } = {
  current: {
    isLoaded: false,
    isSignedIn: undefined,
    getToken: async () => null,
  },
};

/** Records the options of every `useAuth` call. */
export const useAuthCalls: unknown[] = [];

/** Returns the replacement module for `vi.mock("@clerk/react", ...)`. */
export function mockClerkReact() {
  return {
    useAuth: vi.fn((options?: unknown) => {
      useAuthCalls.push(options);
      return clerkState.current;
    }),
  };
}
