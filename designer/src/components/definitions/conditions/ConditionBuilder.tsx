import type { FieldProblem } from '../json-pointer';
import { rootGroup, type Condition } from './condition-tree';
import { ConditionGroupEditor } from './ConditionGroupEditor';
import type { KnownFact } from './fact-catalogue';

interface ConditionBuilderProps {
  value: unknown;
  onChange(value: Condition): void;
  facts: readonly KnownFact[];
  /** JSON pointer of the conditions inside the definition, to place the server's problems. */
  pointer: string;
  problems: readonly FieldProblem[];
  testId: string;
}

/** Edits json-rules-engine conditions as nested groups of typed comparisons. */
export function ConditionBuilder({
  value,
  onChange,
  facts,
  pointer,
  problems,
  testId,
}: ConditionBuilderProps) {
  const root = rootGroup(value);
  return (
    <ConditionGroupEditor
      root={root}
      at={[]}
      onChange={onChange}
      facts={facts}
      basePointer={pointer}
      problems={problems}
      testId={testId}
    />
  );
}
