import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useForm } from "react-hook-form";

import { isBadLevel, ZRatingChoice } from "@hcp/domain";
import type { TLevel, TRatingChoice, TRatingChoiceInput } from "@hcp/domain";

import { trpc } from "../../lib/trpc";

/**
 * The rating form every channel shares: a level, that level's national reasons, a comment, and
 * the submission key. The key stays the same for the same level, so a double tap or a retry can
 * never make a second rating; choosing another level starts a new submission.
 */
export function useRatingChoice() {
  const reasons = useQuery(trpc.rating.reasons.queryOptions());
  const form = useForm<TRatingChoiceInput, unknown, TRatingChoice>({
    resolver: zodResolver(ZRatingChoice),
    defaultValues: { reasonCodes: [], comment: "" },
  });
  const level = form.watch("level") as TLevel | undefined;
  const chosenReasons = form.watch("reasonCodes") ?? [];
  const submission = useRef<{ level: TLevel | undefined; key: string; tappedAt: string }>({
    level: undefined,
    key: "",
    tappedAt: "",
  });

  return {
    form,
    level,
    bad: level !== undefined && isBadLevel(level),
    chosenReasons,
    levelReasons: (reasons.data?.reasons ?? []).filter((reason) => reason.level === level),
    chooseLevel: (next: TLevel) => {
      form.setValue("level", next);
      form.setValue("reasonCodes", []);
      form.clearErrors();
    },
    toggleReason: (code: string) => {
      const current = form.getValues("reasonCodes") ?? [];
      form.setValue("reasonCodes", current.includes(code) ? current.filter((c) => c !== code) : [...current, code]);
      form.clearErrors("reasonCodes");
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
