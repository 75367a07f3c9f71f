import type { HTMLAttributes } from 'react';

/** Select props that put a test id on the element users click, not on the hidden native input. */
export function selectTestId(testId: string): { SelectDisplayProps: HTMLAttributes<HTMLDivElement> } {
  return { SelectDisplayProps: { 'data-testid': testId } as HTMLAttributes<HTMLDivElement> };
}
