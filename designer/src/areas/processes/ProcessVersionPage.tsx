import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { useErrorMessage } from '../../api/useErrorMessage';
import { useAuth } from '../../auth/useAuth';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { getDefinitionXml, searchDefinitions } from '../../api/process-definitions';
import { DiagramViewer } from '../../components/DiagramViewer';
import { StartInstanceDialog } from '../../components/start-instance/StartInstanceDialog';
import { useLoad } from '../../components/useLoad';

async function loadVersion(processId: string, version: number) {
  const definition = (await searchDefinitions(processId)).find((d) => d.version === version);
  return definition ? { definition, xml: await getDefinitionXml(definition.processDefinitionKey) } : null;
}

/** One deployed version, read-only; an instance of it can be started from here. */
export default function ProcessVersionPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const params = useParams();
  const processId = params.processId ?? '';
  const version = Number(params.version);
  useDocumentTitle(t('processes.versions.pageTitle', { id: processId, version }));
  const loaded = useLoad(() => loadVersion(processId, version), [processId, version]);
  const [starting, setStarting] = useState(false);

  if (loaded.error !== undefined) return <Alert severity="error">{errorMessage(loaded.error)}</Alert>;
  if (loaded.data === undefined) return <LoadingIndicator />;
  if (loaded.data === null)
    return <Alert severity="warning">{t('processes.versions.notFound', { version })}</Alert>;
  const { definition, xml } = loaded.data;

  return (
    <Box component="section" aria-labelledby="area-title" sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography id="area-title" variant="h2" component="h1" data-testid="area-title" sx={{ flexGrow: 1 }}>
          {t('processes.versions.pageTitle', { id: processId, version })}
        </Typography>
        <Button
          startIcon={<ArrowBackOutlined />}
          component={RouterLink}
          to={`/designer/processes/${encodeURIComponent(processId)}`}
        >
          {t('processes.versions.backToEditor')}
        </Button>
        {hasPermission('processes.start') && (
          <Button
            variant="contained"
            startIcon={<PlayArrowOutlined />}
            onClick={() => setStarting(true)}
            data-testid="start-instance"
          >
            {t('instances.start.open')}
          </Button>
        )}
      </Box>
      <Typography color="text.secondary">{t('processes.versions.readOnly')}</Typography>
      <DiagramViewer xml={xml} height="calc(100vh - 260px)" />
      {starting && (
        <StartInstanceDialog
          open
          definitions={[definition]}
          initialKey={definition.processDefinitionKey}
          onClose={() => setStarting(false)}
          onStarted={(key) => navigate(`/monitoring/instances/${key}`)}
        />
      )}
    </Box>
  );
}
