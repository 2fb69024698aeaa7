import { useCallback, useRef, useState } from "react";

export interface TCallCallbacks<TOutput> {
  onSuccess?: (output: TOutput) => void;
  onError?: (error: unknown) => void;
  onSettled?: () => void;
}

/**
 * One server call a form makes (pair, look up, submit): whether it is running and how the last
 * one failed. `call` rejects like the call itself; `run` reports through the callbacks and never
 * rejects, for an event handler that only wants the outcome.
 */
export function useCall<TInput, TOutput>(send: (input: TInput) => Promise<TOutput>) {
  const sendRef = useRef(send);
  sendRef.current = send;
  const [state, setState] = useState<{ isPending: boolean; error: unknown }>({ isPending: false, error: null });

  const call = useCallback(async (input: TInput): Promise<TOutput> => {
    setState({ isPending: true, error: null });
    try {
      const output = await sendRef.current(input);
      setState({ isPending: false, error: null });
      return output;
    } catch (error) {
      setState({ isPending: false, error });
      throw error;
    }
  }, []);

  const run = useCallback(
    (input: TInput, callbacks: TCallCallbacks<TOutput> = {}): void => {
      call(input)
        .then(
          (output) => callbacks.onSuccess?.(output),
          (error: unknown) => callbacks.onError?.(error),
        )
        .finally(() => callbacks.onSettled?.())
        .catch((error: unknown) => console.error(error));
    },
    [call],
  );

  return { isPending: state.isPending, error: state.error, call, run };
}
