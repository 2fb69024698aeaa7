import { useCallback, useEffect, useState } from "react";

import { errorMessage } from "../../lib/errors";
import { STRINGS } from "../../lib/strings";
import { trpcClient } from "../../lib/trpc";
import { useCall } from "../../lib/useCall";
import { KioskFrame } from "./KioskFrame";
import { KioskSession } from "./KioskSession";
import { httpStatusOf } from "./outbox/outbox-policy";
import { PairingScreen } from "./PairingScreen";
import { installKioskPwa } from "./pwa";
import { kioskVoice } from "./voice";

type TStage = "activating" | "pairing" | "live";

/**
 * `/kiosk`: pairs the tablet if it has to, then runs the evaluator. A demo link `/kiosk?token=…`
 * pairs once (the token becomes an httpOnly cookie and leaves the URL); otherwise a tablet
 * without a valid token shows the pairing-code form.
 */
export function KioskApp() {
  const [token] = useState(() => new URLSearchParams(window.location.search).get("token"));
  const [stage, setStage] = useState<TStage>(token ? "activating" : "live");
  const [problem, setProblem] = useState<string | null>(null);
  // A new session after pairing: the feed subscribes again with the new cookie.
  const [session, setSession] = useState(0);

  useEffect(() => {
    installKioskPwa();
    kioskVoice.preload();
  }, []);

  const { run: activate } = useCall((input: { token: string }) => trpcClient.kiosk.activate.mutate(input));
  useEffect(() => {
    if (!token) return;
    activate(
      { token },
      {
        onSuccess: () => setStage("live"),
        onError: (error) => {
          // Refused: the link is stale. Anything else (no network): a cookie from before may still work.
          if (httpStatusOf(error) === 401) {
            setProblem(errorMessage(error));
            setStage("pairing");
          } else setStage("live");
        },
        onSettled: () => window.history.replaceState(null, "", "/kiosk"),
      },
    );
  }, [token, activate]);

  const unpaired = useCallback(() => setStage("pairing"), []);
  const paired = useCallback(() => {
    setProblem(null);
    setSession((current) => current + 1);
    setStage("live");
  }, []);

  if (stage === "activating") {
    return (
      <KioskFrame>
        <div className="kiosk-message" data-testid="kiosk-pairing">
          <h1>{STRINGS.pairing}</h1>
        </div>
      </KioskFrame>
    );
  }
  if (stage === "pairing") {
    return (
      <KioskFrame>
        <PairingScreen onPaired={paired} problem={problem} />
      </KioskFrame>
    );
  }
  return <KioskSession key={session} onUnpaired={unpaired} />;
}
