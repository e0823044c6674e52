import { useRef, type MouseEvent } from "react";

/** Pointer and click handlers that run a button's action. */
export interface PressHandlers {
  onPointerDown: () => void;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
}

/**
 * Returns handlers that run `action` only for a press that began on this
 * button while it showed this action. Buttons here change as uploads move
 * on: Cancel turns into Remove, Retry into Cancel, Upload into Cancel all.
 * A pointer press that began on the old button, or the second click of a
 * double-click, would otherwise land on the new one. Keyboard and
 * assistive-technology clicks (`detail` 0) run at once.
 */
export function usePressAction(action: () => void): PressHandlers {
  const pressed = useRef<(() => void) | undefined>(undefined);
  return {
    onPointerDown: () => {
      pressed.current = action;
    },
    onClick: (event) => {
      const pressedAction = pressed.current;
      pressed.current = undefined;
      if (event.detail === 0) {
        action();
        return;
      }
      if (event.detail > 1) return;
      pressedAction?.();
    },
  };
}
