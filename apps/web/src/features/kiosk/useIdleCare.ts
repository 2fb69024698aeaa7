import { useEffect, useState } from "react";

import { DIM_AFTER_MS, DRIFT_STEP_MS, driftOffset } from "./idle-care";

/**
 * While `active` (the idle screen is showing): a drift step every few minutes, and a dimmed
 * screen after a few quiet minutes that any touch brightens again.
 */
export function useIdleCare(active: boolean): { dimmed: boolean; offset: { x: number; y: number } } {
  const [step, setStep] = useState(0);
  const [dimmed, setDimmed] = useState(false);

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setStep((current) => current + 1), DRIFT_STEP_MS);
    return () => window.clearInterval(timer);
  }, [active]);

  useEffect(() => {
    if (!active) {
      setDimmed(false);
      return;
    }
    let timer = window.setTimeout(() => setDimmed(true), DIM_AFTER_MS);
    const wake = () => {
      setDimmed(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setDimmed(true), DIM_AFTER_MS);
    };
    window.addEventListener("pointerdown", wake);
    window.addEventListener("keydown", wake);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("pointerdown", wake);
      window.removeEventListener("keydown", wake);
    };
  }, [active]);

  return { dimmed, offset: driftOffset(step) };
}
