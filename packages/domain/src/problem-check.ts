import type { z } from "zod";

/**
 * A zod refinement from a plain check that names what is wrong (or null): the form and the
 * procedure show the check's own words, e.g. the check character a credit code should have.
 */
export function problemCheck(problem: (value: string) => string | null) {
  return (value: string, ctx: z.RefinementCtx): void => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: "custom", message: found });
  };
}
