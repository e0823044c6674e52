import { renderHook } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useClerkUploadAuth } from "../../src/clerk";
import { clerkState, useAuthCalls } from "./clerk-mock";

vi.mock("@clerk/react", async () =>
  (await import("./clerk-mock")).mockClerkReact(),
);

function signIn(getToken = async () => "token-1") {
  clerkState.current = { isLoaded: true, isSignedIn: true, getToken };
}

function signOut() {
  clerkState.current = {
    isLoaded: true,
    isSignedIn: false,
    getToken: async () => null,
  };
}

beforeEach(() => {
  useAuthCalls.length = 0;
  clerkState.current = {
    isLoaded: false,
    isSignedIn: undefined,
    getToken: async () => null,
  };
});

describe("useClerkUploadAuth states", () => {
  it("disables uploads while loading", () => {
    const { result } = renderHook(() => useClerkUploadAuth());

    expect(result.current.disabled).toBe(true);
    expect(result.current.disabledMessage).toBe("Checking your sign-in…");
  });

  it("disables uploads when signed out", () => {
    signOut();
    const { result } = renderHook(() => useClerkUploadAuth());

    expect(result.current.disabled).toBe(true);
    expect(result.current.disabledMessage).toBe("Sign in to upload files.");
  });

  it("replaces the signed-out message", () => {
    signOut();
    const { result } = renderHook(() =>
      useClerkUploadAuth({ signedOutMessage: "Log in to add photos." }),
    );

    expect(result.current.disabledMessage).toBe("Log in to add photos.");
  });

  it("enables uploads when signed in", () => {
    signIn();
    const { result } = renderHook(() => useClerkUploadAuth());

    expect(result.current.disabled).toBe(false);
    expect(result.current.disabledMessage).toBeUndefined();
  });

  it("treats pending sessions as signed out", () => {
    renderHook(() => useClerkUploadAuth());

    expect(useAuthCalls[0]).toEqual({ treatPendingAsSignedOut: true });
  });

  it("keeps props stable across renders", () => {
    signIn();
    const { result, rerender } = renderHook(() => useClerkUploadAuth());
    const first = result.current;
    rerender();

    expect(result.current).toBe(first);
  });
});

describe("useClerkUploadAuth headers", () => {
  it("sends the session token as bearer", async () => {
    signIn();
    const { result } = renderHook(() => useClerkUploadAuth());

    expect(await result.current.headers()).toEqual({
      Authorization: "Bearer token-1",
    });
  });

  it("requests a token per upload", async () => {
    let issued = 0;
    signIn(async () => `token-${++issued}`);
    const { result } = renderHook(() => useClerkUploadAuth());
    await result.current.headers();

    expect(await result.current.headers()).toEqual({
      Authorization: "Bearer token-2",
    });
  });

  it("requests the JWT template", async () => {
    const getToken = vi.fn(async () => "templated");
    signIn(getToken);
    const { result } = renderHook(() =>
      useClerkUploadAuth({ template: "uploads" }),
    );
    await result.current.headers();

    expect(getToken).toHaveBeenCalledWith({ template: "uploads" });
  });

  it("sends no header without a token", async () => {
    signIn(async () => null as unknown as string);
    const { result } = renderHook(() => useClerkUploadAuth());

    expect(await result.current.headers()).toEqual({});
  });
});
