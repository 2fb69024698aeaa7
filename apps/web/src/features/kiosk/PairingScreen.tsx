import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";

import { ZPairingCode } from "@hcp/domain";
import type { TPairingCode } from "@hcp/domain";

import { errorMessage } from "../../lib/errors";
import { STRINGS } from "../../lib/strings";
import { trpc } from "../../lib/trpc";

/**
 * A tablet without a valid device token: an administrator reads a one-time six-digit code off
 * the console and types it here. The server answers with the device token as an httpOnly cookie.
 */
export function PairingScreen(props: { onPaired: () => void; problem?: string | null }) {
  const form = useForm<TPairingCode>({ resolver: zodResolver(ZPairingCode), defaultValues: { code: "" } });
  const pair = useMutation(trpc.kiosk.pair.mutationOptions({ onSuccess: () => props.onPaired() }));
  const fieldError = form.formState.errors.code?.message;
  const problem = pair.error ? errorMessage(pair.error) : (props.problem ?? null);
  return (
    <section className="kiosk-message pairing" data-testid="kiosk-unpaired" aria-labelledby="pairing-title">
      <h1 id="pairing-title">{STRINGS.notPaired}</h1>
      <p>{STRINGS.notPairedHelp}</p>
      <form noValidate onSubmit={(event) => void form.handleSubmit((values) => pair.mutate(values))(event)}>
        <label htmlFor="pairing-code">{STRINGS.pairingCodeLabel}</label>
        <input
          id="pairing-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError || problem ? "pairing-error" : undefined}
          {...form.register("code")}
        />
        {fieldError || problem ? (
          <p className="error" id="pairing-error" role="alert">
            {fieldError ?? problem}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={pair.isPending}>
          {pair.isPending ? STRINGS.pairSubmitting : STRINGS.pairSubmit}
        </button>
      </form>
    </section>
  );
}
