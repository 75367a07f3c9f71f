import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../api';
import type { DefinitionDocument, DefinitionsApi } from './definitions-api';
import { problemsOf, type FieldProblem } from './json-pointer';

export interface DefinitionEditor<T> {
  id: string;
  document: DefinitionDocument<T> | null;
  content: T | null;
  /** The content differs from what the server holds (draft, or published when there is no draft). */
  dirty: boolean;
  /** Changes whenever the content is replaced from the server (load, version), to reset local form state. */
  generation: number;
  canLoadVersion: boolean;
  loading: boolean;
  busy: boolean;
  loadError: unknown;
  actionError: unknown;
  problems: FieldProblem[];
  /** Set after an action succeeded, for a confirmation message. */
  lastAction: { kind: 'saved' | 'published' | 'unchanged' | 'discarded'; version?: number } | null;
  setContent(update: (content: T) => T): void;
  /** Reports an outcome reached outside the editor's own actions (e.g. an entity type's forced publish). */
  notify(action: NonNullable<DefinitionEditor<T>['lastAction']>): void;
  saveDraft(): Promise<boolean>;
  publish(): Promise<boolean>;
  discardDraft(): Promise<void>;
  loadVersion(version: number): Promise<void>;
  reload(): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Loads one definition, keeps the edited content, and saves, publishes or discards it through the C4 API. */
export function useDefinitionEditor<T>(
  definitions: DefinitionsApi<T>,
  id: string,
  create: (id: string) => T,
  /** Called after a save, publish or discard reached the server, e.g. to refresh a list. */
  onStored?: () => void,
): DefinitionEditor<T> {
  const [document, setDocument] = useState<DefinitionDocument<T> | null>(null);
  const [content, setContentState] = useState<T | null>(null);
  const [stored, setStored] = useState<T | null>(null);
  const [round, setRound] = useState(0);
  const [generation, setGeneration] = useState(0);
  const [loadedRound, setLoadedRound] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [lastAction, setLastAction] = useState<DefinitionEditor<T>['lastAction']>(null);

  const roundKey = `${id} ${round}`;
  const loading = loadedRound !== roundKey;

  useEffect(() => {
    let current = true;
    const apply = (found: DefinitionDocument<T> | null) => {
      if (!current) return;
      const existing = found ? (found.draft ?? found.published?.content ?? null) : null;
      setDocument(found);
      setStored(existing);
      setContentState(existing ?? create(id));
      setGeneration((g) => g + 1);
      setProblems([]);
      setLoadError(null);
      setLoadedRound(roundKey);
    };
    definitions.get(id).then(apply, (error: unknown) => {
      if (isApiError(error) && error.status === 404) apply(null);
      else if (current) {
        setLoadError(error);
        setLoadedRound(roundKey);
      }
    });
    return () => {
      current = false;
    };
  }, [definitions, id, create, roundKey]);

  const reload = useCallback(() => {
    setRound((r) => r + 1);
  }, []);

  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setActionError(null);
    setLastAction(null);
    try {
      await action();
      return true;
    } catch (error) {
      const located = problemsOf(error);
      setProblems(located);
      setActionError(error);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const dirty = content !== null && !same(content, stored);
  const canLoadVersion = definitions.version !== undefined;

  const saveDraft = useCallback(
    () =>
      run(async () => {
        if (content === null) return;
        await definitions.saveDraft(id, content);
        setStored(content);
        setProblems([]);
        setDocument(await definitions.get(id));
        setLastAction({ kind: 'saved' });
        onStored?.();
      }),
    [run, definitions, id, content, onStored],
  );

  const publish = useCallback(
    () =>
      run(async () => {
        if (content === null) return;
        if (dirty || !document?.draft) await definitions.saveDraft(id, content);
        const result = await definitions.publish(id);
        setStored(content);
        setProblems([]);
        setDocument(await definitions.get(id));
        setLastAction({ kind: result.created ? 'published' : 'unchanged', version: result.version });
        onStored?.();
      }),
    [run, definitions, id, content, dirty, document, onStored],
  );

  const discardDraft = useCallback(async () => {
    const ok = await run(() => definitions.discardDraft(id));
    if (ok) {
      setRound((r) => r + 1);
      setLastAction({ kind: 'discarded' });
      onStored?.();
    }
  }, [run, definitions, id, onStored]);

  const loadVersion = useCallback(
    async (version: number) => {
      await run(async () => {
        if (!definitions.version) return;
        const found = await definitions.version(id, version);
        setContentState(found.content);
        setGeneration((g) => g + 1);
        setProblems([]);
      });
    },
    [run, definitions, id],
  );

  const setContent = useCallback((update: (content: T) => T) => {
    setContentState((current) => (current === null ? current : update(current)));
  }, []);

  const notify = useCallback(
    (action: NonNullable<DefinitionEditor<T>['lastAction']>) => setLastAction(action),
    [],
  );

  return {
    id,
    document,
    content,
    dirty,
    generation,
    canLoadVersion,
    loading,
    busy,
    loadError,
    actionError,
    problems,
    lastAction,
    setContent,
    notify,
    saveDraft,
    publish,
    discardDraft,
    loadVersion,
    reload,
  };
}
