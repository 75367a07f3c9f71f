import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a load on mount and whenever its inputs change. A reload keeps showing the last result; new
 * inputs show nothing until their own result arrives.
 */
export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> {
  const [round, setRound] = useState(0);
  const inputsKey = JSON.stringify(inputs);
  const key = `${inputsKey}#${round}`;
  const [state, setState] = useState<{ key?: string; inputsKey?: string; data?: T; error?: unknown }>({});
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let current = true;
    latest.current().then(
      (data) => current && setState({ key, inputsKey, data }),
      (error: unknown) => current && setState((s) => ({ key, inputsKey, data: s.data, error })),
    );
    return () => {
      current = false;
    };
  }, [key, inputsKey]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const own = state.inputsKey === inputsKey;
  return {
    data: own ? state.data : undefined,
    error: own ? state.error : undefined,
    loading: state.key !== key,
    reload,
  };
}
