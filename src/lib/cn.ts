import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names with clsx, then lets tailwind-merge drop the Tailwind
 * utilities that a later class overrides, so `cn("p-2", className)` lets the
 * caller's `p-4` win.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
