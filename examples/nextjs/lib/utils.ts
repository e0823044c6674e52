import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names and lets a later Tailwind utility override an earlier
 * one, the `cn` helper that shadcn components import (see components.json).
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
