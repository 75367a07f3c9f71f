import { useCallback, useEffect, useState } from 'react';
import type { DefinitionSummary, DefinitionsApi } from './definitions-api';

/** A kind's definitions, fetched on mount and again on `refresh()`. */
export function useDefinitionList<T>(definitions: DefinitionsApi<T>) {
  const [items, setItems] = useState<DefinitionSummary[]>();
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    definitions.list().then(
      (found) => {
        if (!current) return;
        setItems(found);
        setError(null);
      },
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [definitions, round]);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { items, error, refresh };
}
