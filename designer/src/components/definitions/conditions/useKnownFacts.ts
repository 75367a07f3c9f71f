import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { citizenFacts, factFieldsFromSchema, type KnownFact } from './fact-catalogue';

interface EntityTypeItem {
  name: string;
  schema: unknown;
}

/** The facts to offer: every published entity type's fields, or the citizen model's until they load. */
export function useKnownFacts(): readonly KnownFact[] {
  const [facts, setFacts] = useState<readonly KnownFact[]>(citizenFacts);
  useEffect(() => {
    let current = true;
    api.get<{ items: EntityTypeItem[] }>('/api/v1/entity-types').then(
      ({ items }) => {
        const live = items
          .map((item) => ({ fact: item.name, fields: factFieldsFromSchema(item.schema) }))
          .filter((fact) => fact.fields.length > 0);
        if (current && live.length > 0) {
          const names = new Set(live.map((f) => f.fact));
          setFacts([...live, ...citizenFacts.filter((f) => !names.has(f.fact))]);
        }
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return facts;
}
