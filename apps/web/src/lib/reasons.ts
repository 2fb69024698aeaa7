import { useEffect, useState } from "react";

import type { RouterOutputs } from "@hcp/api";

import { trpcClient } from "./trpc";

type TReasonList = RouterOutputs["rating"]["reasons"];

/** A copy younger than this is used as is; an older one is shown while a fresh one loads. */
const FRESH_MS = 10_000;
/** One more try after a failed load, a moment later (a blip on the hall's Wi-Fi). */
const RETRY_MS = 1_000;

let loaded: { list: TReasonList; at: number } | null = null;
let loading: Promise<TReasonList> | null = null;
const listeners = new Set<(list: TReasonList) => void>();

/**
 * The national reason codes, loaded once per page and shared by every form that shows them. A
 * failed load is forgotten, so the next form that needs them asks again (the evaluator's
 * service worker may answer from its cache when the network is gone).
 */
export function loadReasons(): Promise<TReasonList> {
  if (loaded && Date.now() - loaded.at < FRESH_MS) return Promise.resolve(loaded.list);
  const query = () => trpcClient.rating.reasons.query();
  loading ??= query()
    .catch(() => new Promise((resolve) => window.setTimeout(resolve, RETRY_MS)).then(query))
    .then((list) => {
      loaded = { list, at: Date.now() };
      for (const listener of listeners) listener(list);
      return list;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The reasons for a form: what is already loaded at once, refreshed when it has grown old. */
export function useReasons(): TReasonList["reasons"] {
  const [list, setList] = useState<TReasonList | null>(() => loaded?.list ?? null);
  useEffect(() => {
    listeners.add(setList);
    loadReasons().catch((error: unknown) => console.warn("[reasons] not loaded", error));
    return () => {
      listeners.delete(setList);
    };
  }, []);
  return list?.reasons ?? [];
}
