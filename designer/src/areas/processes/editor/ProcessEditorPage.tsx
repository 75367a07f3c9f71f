import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../api';
import { useErrorMessage } from '../../../api/useErrorMessage';
import { useAuth } from '../../../auth/useAuth';
import { LoadingIndicator } from '../../../components/LoadingIndicator';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { cloneProcessXml, readProcess } from '../bpmn-xml';
import { searchDefinitions } from '../../../api/process-definitions';
import { deployProcess, getElementTemplates, saveDraft } from '../process-api';
import { ProcessIdDialog } from '../ProcessIdDialog';
import { useLoad } from '../../../components/useLoad';
import { useUnsavedChangesGuard } from '../../../components/useUnsavedChangesGuard';
import { downloadFile } from './download-file';
import { EditorToolbar } from './EditorToolbar';
import { loadProcessDocument, type ProcessDocument } from './load-process-document';
import { LintPanel, type PanelProblem } from './LintPanel';
import { TemplateChooser } from './TemplateChooser';
import { useModeler } from './useModeler';
import { VersionList } from './VersionList';

interface SaveState {
  of?: ProcessDocument;
  revision?: number;
  /** The modeler's change counter when last saved. */
  changes: number;
  stored: boolean;
}

interface Selectable {
  get(id: string): unknown;
}

/** The process designer: modeler, properties, problems, versions; save, deploy, export, clone. */
export default function ProcessEditorPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { csrfToken } = useAuth();
  const processId = useParams().processId ?? '';
  const newName = useSearchParams()[0].get('name');
  useDocumentTitle(`${processId} · ${t('areas.designer.title')}`);

  const doc = useLoad(() => loadProcessDocument(processId, newName), [processId]);
  const templates = useLoad(getElementTemplates, []);
  const versions = useLoad(() => searchDefinitions(processId), [processId]);
  const {
    attachCanvas,
    attachProperties,
    modeler,
    changes,
    issues,
    importError,
    templateTarget,
    closeTemplates,
  } = useModeler(doc.data?.xml, templates.data);

  const [saved, setSaved] = useState<SaveState>({ changes: 0, stored: false });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deployProblems, setDeployProblems] = useState<PanelProblem[]>([]);
  const [cloning, setCloning] = useState(false);

  // A newly loaded document starts clean, at the stored draft's revision.
  const current: SaveState =
    saved.of === doc.data
      ? saved
      : { of: doc.data, revision: doc.data?.revision, changes: 0, stored: doc.data?.source === 'draft' };
  const dirty = modeler !== null && (changes > current.changes || !current.stored);
  const guard = useUnsavedChangesGuard(dirty);

  const currentXml = useCallback(async () => {
    const { xml } = await modeler!.saveXML({ format: true });
    return xml!;
  }, [modeler]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(errorMessage(error));
      if (isApiError(error)) {
        setDeployProblems(
          (error.problem.errors ?? []).map((e) => ({
            elementId: e.elementId,
            message: e.message,
            severity: 'error',
          })),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    const changesAtSave = changes;
    const draft = await saveDraft(processId, await currentXml(), current.revision);
    setSaved({ of: doc.data, revision: draft.revision, changes: changesAtSave, stored: true });
  };

  const onSave = () =>
    run(async () => {
      await save();
      setNotice(t('processes.editor.saved'));
    });

  const onDeploy = () =>
    run(async () => {
      await save();
      setDeployProblems([]);
      const deployed = await deployProcess(`${processId}.bpmn`, await currentXml(), csrfToken);
      versions.reload();
      setNotice(t('processes.editor.deployed', { version: deployed.version }));
    });

  const onExport = () => run(async () => downloadFile(`${processId}.bpmn`, await currentXml()));

  const onClone = (newId: string, name: string) =>
    run(async () => {
      const clone = cloneProcessXml(await currentXml(), newId, name);
      await saveDraft(newId, clone);
      setCloning(false);
      void navigate(`/designer/processes/${encodeURIComponent(newId)}`);
    });

  const select = (elementId: string) => {
    const registry = modeler?.get<Selectable>('elementRegistry');
    const element = registry?.get(elementId);
    if (!element) return;
    modeler!.get<{ select(e: unknown): void }>('selection').select(element);
    modeler!.get<{ scrollToElement(e: unknown): void }>('canvas').scrollToElement(element);
  };

  const problems = useMemo<PanelProblem[]>(
    () => [
      ...deployProblems,
      ...issues.map((i): PanelProblem => ({
        elementId: i.elementId,
        message: i.message,
        severity: i.category === 'warn' || i.category === 'info' ? 'warning' : 'error',
      })),
    ],
    [deployProblems, issues],
  );

  const loadError = doc.error ?? templates.error;
  const name = doc.data ? readProcess(doc.data.xml)?.name : undefined;

  return (
    <Box component="section" aria-labelledby="area-title" sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography id="area-title" variant="h2" component="h1" data-testid="area-title" sx={{ flexGrow: 1 }}>
          {name ?? processId}
          <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
            {processId}
            {dirty && ` · ${t('processes.editor.unsaved')}`}
          </Typography>
        </Typography>
        <EditorToolbar
          disabled={!modeler || busy}
          onSave={() => void onSave()}
          onDeploy={() => void onDeploy()}
          onExport={() => void onExport()}
          onClone={() => setCloning(true)}
        />
      </Box>
      {loadError !== undefined && <Alert severity="error">{errorMessage(loadError)}</Alert>}
      {importError && (
        <Alert severity="error" data-testid="import-error">
          {t('processes.editor.importFailed', { message: importError })}
        </Alert>
      )}
      {failure && (
        <Alert severity="error" data-testid="editor-error" onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      )}
      {!modeler && loadError === undefined && <LoadingIndicator />}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 340px' },
          gap: 1.5,
          minHeight: 0,
          visibility: modeler ? 'visible' : 'hidden',
        }}
      >
        <Box
          ref={attachCanvas}
          data-testid="modeler-canvas"
          sx={{
            height: { xs: 420, md: 'calc(100vh - 340px)' },
            minHeight: 360,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'background.paper',
          }}
        />
        <Box
          ref={attachProperties}
          data-testid="properties-panel"
          aria-label={t('processes.editor.properties')}
          role="region"
          sx={{
            height: { xs: 420, md: 'calc(100vh - 340px)' },
            minHeight: 360,
            overflow: 'auto',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'background.paper',
          }}
        />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) 340px' }, gap: 1.5 }}>
        <LintPanel problems={problems} onSelect={select} />
        <VersionList versions={versions.data ?? []} />
      </Box>
      {cloning && (
        <ProcessIdDialog
          open
          title={t('processes.clone.title')}
          submitLabel={t('processes.clone.submit')}
          initialName={t('processes.clone.defaultName', { name: name ?? processId })}
          existingIds={[processId]}
          testId="clone-dialog"
          onClose={() => setCloning(false)}
          onSubmit={onClone}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice}
        data-testid="notice"
      />
      {modeler && <TemplateChooser modeler={modeler} element={templateTarget} onClose={closeTemplates} />}
      {guard}
    </Box>
  );
}
