import { useRef, useState } from "react";

import { checkPairingCode } from "@hcp/domain/citizen";

import { errorMessage } from "../../lib/errors";
import { STRINGS } from "../../lib/strings";
import { trpcClient } from "../../lib/trpc";
import { useCall } from "../../lib/useCall";

/**
 * A tablet without a valid device token: an administrator reads a one-time six-digit code off
 * the console and types it here. The server answers with the device token as an httpOnly cookie.
 */
export function PairingScreen(props: { onPaired: () => void; problem?: string | null }) {
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  // After the first submit the code is checked again as it changes, so a fixed mistake clears.
  const submitted = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const pair = useCall((values: { code: string }) => trpcClient.kiosk.pair.mutate(values));
  const problem = pair.error ? errorMessage(pair.error) : (props.problem ?? null);

  function send() {
    submitted.current = true;
    const result = checkPairingCode({ code });
    if (!result.ok) {
      setFieldError(result.problems.code);
      input.current?.focus();
      return;
    }
    setFieldError(undefined);
    pair.run(result.value, { onSuccess: () => props.onPaired() });
  }

  return (
    <section className="kiosk-message pairing" data-testid="kiosk-unpaired" aria-labelledby="pairing-title">
      <h1 id="pairing-title">{STRINGS.notPaired}</h1>
      <p>{STRINGS.notPairedHelp}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <label htmlFor="pairing-code">{STRINGS.pairingCodeLabel}</label>
        <input
          id="pairing-code"
          ref={input}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError || problem ? "pairing-error" : undefined}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            if (submitted.current) {
              const result = checkPairingCode({ code: event.target.value });
              setFieldError(result.ok ? undefined : result.problems.code);
            }
          }}
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
