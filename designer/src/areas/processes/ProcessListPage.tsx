import AddOutlined from '@mui/icons-material/AddOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../api/useErrorMessage';
import { DataTable } from '../../components/DataTable';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { readProcess } from './bpmn-xml';
import { loadEditor } from './editor/load-editor';
import { NewProcessDialog } from './NewProcessDialog';
import { searchDefinitions } from '../../api/process-definitions';
import { listDrafts, saveDraft } from './process-api';
import { processRows } from './process-rows';
import { useLoad } from '../../components/useLoad';
import { PageHeader } from '../../components/PageHeader';

/** Every process: drafts and deployed versions; create, import or open one. */
export function ProcessListPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const title = t('areas.designer.title');
  useDocumentTitle(title);
  useEffect(() => {
    // Fetch the editor's code while the user reads the list, so opening a process is quick.
    const timer = setTimeout(() => void loadEditor(), 300);
    return () => clearTimeout(timer);
  }, []);
  const loaded = useLoad(() => Promise.all([listDrafts(), searchDefinitions()]), []);
  const [creating, setCreating] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImportError(null);
    const xml = await file.text();
    const process = readProcess(xml);
    if (!process) {
      setImportError(t('processes.import.noProcess', { file: file.name }));
      return;
    }
    try {
      await saveDraft(process.id, xml);
      void navigate(`/designer/processes/${encodeURIComponent(process.id)}`);
    } catch (error) {
      setImportError(errorMessage(error));
    }
  };

  const rows = loaded.data ? processRows(loaded.data[0], loaded.data[1]) : [];
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.resolvedLanguage);

  return (
    <Box component="section" aria-labelledby="area-title">
      <PageHeader title={title}>
        <Button
          variant="contained"
          startIcon={<AddOutlined />}
          onClick={() => setCreating(true)}
          data-testid="new-process"
        >
          {t('processes.list.new')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<UploadFileOutlined />}
          onClick={() => fileInput.current?.click()}
          data-testid="import-process"
        >
          {t('processes.list.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".bpmn,.xml,application/xml,text/xml"
          hidden
          data-testid="import-file"
          onChange={(e) => void importFile(e)}
        />
      </PageHeader>
      {importError && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="import-error">
          {importError}
        </Alert>
      )}
      {loaded.error !== undefined && <Alert severity="error">{errorMessage(loaded.error)}</Alert>}
      {loaded.loading && !loaded.data && <LoadingIndicator />}
      {loaded.data && rows.length === 0 && (
        <Typography color="text.secondary" data-testid="no-processes">
          {t('processes.list.empty')}
        </Typography>
      )}
      {rows.length > 0 && (
        <DataTable
          label={t('processes.list.tableLabel')}
          rows={rows}
          rowKey={(row) => row.processId}
          rowTestId={(row) => `process-row-${row.processId}`}
          columns={[
            {
              header: t('processes.list.id'),
              cell: (row) => (
                <Link component={RouterLink} to={`/designer/processes/${encodeURIComponent(row.processId)}`}>
                  {row.processId}
                </Link>
              ),
            },
            { header: t('processes.list.name'), cell: (row) => row.name ?? '—' },
            {
              header: t('processes.list.latestVersion'),
              cell: (row) => row.latestVersion ?? t('processes.list.notDeployed'),
            },
            {
              header: t('processes.list.draft'),
              cell: (row) => (row.draftUpdatedAt ? date(row.draftUpdatedAt) : '—'),
            },
          ]}
        />
      )}
      <NewProcessDialog
        open={creating}
        onClose={() => setCreating(false)}
        existingIds={rows.map((r) => r.processId)}
      />
    </Box>
  );
}
