import type { JSX } from "react";
import type { FileRouter } from "uploadthing/types";
import { Dropzone } from "./dropzone";
import { DropzoneRoot } from "./parts/root";
import type { DropzoneProps } from "./props";

/** A Dropzone component whose `endpoint` and `input` follow TRouter. */
export type TypedDropzone<TRouter extends FileRouter> = <
  TEndpoint extends keyof TRouter,
>(
  props: DropzoneProps<TRouter, TEndpoint>,
) => JSX.Element;

/**
 * Returns `Dropzone` typed against the app's file router, so TypeScript
 * checks route names and route inputs:
 * `export const Dropzone = generateDropzone<OurFileRouter>();`
 */
export function generateDropzone<
  TRouter extends FileRouter,
>(): TypedDropzone<TRouter> {
  return Dropzone as TypedDropzone<TRouter>;
}

/** Returns `DropzoneRoot` typed against the app's file router, for custom compositions. */
export function generateDropzoneRoot<
  TRouter extends FileRouter,
>(): TypedDropzone<TRouter> {
  return DropzoneRoot as TypedDropzone<TRouter>;
}
