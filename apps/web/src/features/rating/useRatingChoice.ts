import { useRef, useState } from "react";

import type { TRatingChoice } from "@hcp/domain";
import { checkRatingChoice, isBadLevel, type TLevel } from "@hcp/domain/citizen";

import { useReasons } from "../../lib/reasons";

/**
 * The rating form every channel shares: a level, that level's national reasons, a comment, and
 * the submission key. The key stays the same for the same level, so a double tap or a retry can
 * never make a second rating; choosing another level starts a new submission.
 */
export function useRatingChoice() {
  const reasons = useReasons();
  const [level, setLevel] = useState<TLevel | undefined>(undefined);
  const [chosenReasons, setChosenReasons] = useState<readonly string[]>([]);
  const [comment, setComment] = useState("");
  // What the shared rules refused on the last submit, shown until the choice changes.
  const [problem, setProblem] = useState<string | null>(null);
  const submission = useRef<{ level: TLevel | undefined; key: string; tappedAt: string }>({
    level: undefined,
    key: "",
    tappedAt: "",
  });

  return {
    level,
    bad: level !== undefined && isBadLevel(level),
    chosenReasons,
    comment,
    setComment,
    problem,
    levelReasons: reasons.filter((reason) => reason.level === level),
    chooseLevel: (next: TLevel) => {
      setLevel(next);
      setChosenReasons([]);
      setProblem(null);
    },
    toggleReason: (code: string) => {
      setChosenReasons((current) => (current.includes(code) ? current.filter((c) => c !== code) : [...current, code]));
      setProblem(null);
    },
    /** The choice checked by the shared rules (ZRatingChoice's), or null with the problem shown. */
    checked: (): TRatingChoice | null => {
      if (level === undefined) return null;
      const result = checkRatingChoice({ level, reasonCodes: chosenReasons, comment });
      if (result.ok) return result.value;
      setProblem(result.problems.reasonCodes ?? result.problems.comment ?? null);
      return null;
    },
    /** The idempotency key and tap time for submitting `choice`. */
    submissionFor: (choice: TRatingChoice): { idempotencyKey: string; ratedAt: string } => {
      if (submission.current.level !== choice.level) {
        submission.current = { level: choice.level, key: crypto.randomUUID(), tappedAt: new Date().toISOString() };
      }
      return { idempotencyKey: submission.current.key, ratedAt: submission.current.tappedAt };
    },
  };
}
