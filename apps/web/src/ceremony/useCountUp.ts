/**
 * Counts up to a new value with requestAnimationFrame when it rises (the big screen's tally);
 * jumps straight to it for "reduce motion", on the first value and when it falls. Works on
 * BigInt so money never goes through a float: the last frame is the exact target.
 */
import { useEffect, useRef, useState } from 'react';

const DURATION_MS = 1_800;
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches;
}

/** Ease-out cubic, in thousandths. */
function progress(elapsed: number): bigint {
  const t = Math.min(1, elapsed / DURATION_MS);
  return BigInt(Math.round((1 - (1 - t) ** 3) * 1000));
}

export function useCountUp(target: bigint): { value: bigint; rising: boolean } {
  const [value, setValue] = useState(target);
  const [rising, setRising] = useState(false);
  const shown = useRef(target);

  useEffect(() => {
    const from = shown.current;
    // A hidden page gets no animation frames: show the figure at once.
    if (target <= from || prefersReducedMotion() || document.hidden) {
      shown.current = target;
      setValue(target);
      setRising(false);
      return undefined;
    }
    let frame = 0;
    const start = performance.now();
    setRising(true);
    const step = (now: number) => {
      const p = progress(now - start);
      const next = p >= 1000n ? target : from + ((target - from) * p) / 1000n;
      shown.current = next;
      setValue(next);
      if (next === target) setRising(false);
      else frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    // Frames can stop (a background tab, a throttled renderer): the figure must still land.
    const landing = setTimeout(() => {
      cancelAnimationFrame(frame);
      shown.current = target;
      setValue(target);
      setRising(false);
    }, DURATION_MS + 500);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(landing);
      // Interrupted by a newer target: the next run starts from where this one stopped.
    };
  }, [target]);

  return { value, rising };
}
