export { cn } from "./lib/cn";
export * from "./dropzone";
