import * as ProgressPrimitive from "@radix-ui/react-progress";
import type { ComponentProps } from "react";
import { cn } from "../../lib/cn";

/** Props of DropzoneProgress: a Radix Progress root with `value` in 0..100. */
export type DropzoneProgressProps = Omit<
  ComponentProps<typeof ProgressPrimitive.Root>,
  "max"
> & { value: number };

/**
 * Radix Progress bar (`role="progressbar"`, `aria-valuenow`) on a 0..100
 * scale, as `data-slot="dropzone-progress"`.
 */
export function DropzoneProgress({
  value,
  className,
  ...props
}: DropzoneProgressProps) {
  const clamped = Math.min(100, Math.max(0, value));
  return (
    <ProgressPrimitive.Root
      data-slot="dropzone-progress"
      value={clamped}
      max={100}
      className={cn(
        "bg-primary/20 relative h-1.5 w-full overflow-hidden rounded-full",
        className,
      )}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="dropzone-progress-indicator"
        className="bg-primary h-full w-full flex-1 transition-transform"
        style={{ transform: `translateX(-${100 - clamped}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}
