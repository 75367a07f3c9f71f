import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../api/useErrorMessage';
import { useAuth } from '../../auth/useAuth';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { searchDefinitions } from '../../api/process-definitions';
import { DataTable } from '../../components/DataTable';
import { useLoad } from '../../components/useLoad';
import { searchInstances } from './instance-api';
import { InstanceStateChip } from './InstanceStateChip';
import { StartInstanceDialog } from '../../components/start-instance/StartInstanceDialog';
import { PageHeader } from '../../components/PageHeader';

const states = ['', 'ACTIVE', 'COMPLETED', 'TERMINATED'] as const;

/** Process instances, newest first, filterable by state and process; opens the instance view. */
export function InstanceListPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const title = t('areas.monitoring.title');
  useDocumentTitle(title);
  const [state, setState] = useState<(typeof states)[number]>('');
  const [processId, setProcessId] = useState('');
  const [starting, setStarting] = useState(false);
  const definitions = useLoad(() => searchDefinitions(), []);
  const instances = useLoad(
    () =>
      searchInstances({
        ...(state ? { state } : {}),
        ...(processId ? { processDefinitionId: processId } : {}),
      }),
    [state, processId],
  );
  const processIds = [...new Set((definitions.data ?? []).map((d) => d.processDefinitionId))];

  return (
    <Box component="section" aria-labelledby="area-title">
      <PageHeader title={title}>
        {hasPermission('processes.start') && (
          <Button
            variant="contained"
            startIcon={<PlayArrowOutlined />}
            onClick={() => setStarting(true)}
            disabled={!definitions.data?.length}
            data-testid="start-instance"
          >
            {t('instances.start.open')}
          </Button>
        )}
      </PageHeader>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
        <TextField
          select
          size="small"
          label={t('instances.list.state')}
          value={state}
          onChange={(e) => setState(e.target.value as typeof state)}
          sx={{ minWidth: 180 }}
        >
          {states.map((s) => (
            <MenuItem key={s} value={s}>
              {s ? t(`instances.state.${s}`) : t('instances.list.all')}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('instances.list.process')}
          value={processId}
          onChange={(e) => setProcessId(e.target.value)}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">{t('instances.list.all')}</MenuItem>
          {processIds.map((id) => (
            <MenuItem key={id} value={id}>
              {id}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {instances.error !== undefined && <Alert severity="error">{errorMessage(instances.error)}</Alert>}
      {instances.loading && !instances.data && <LoadingIndicator />}
      {instances.data?.length === 0 && (
        <Typography color="text.secondary">{t('instances.list.empty')}</Typography>
      )}
      {Boolean(instances.data?.length) && (
        <DataTable
          label={t('instances.list.tableLabel')}
          rows={instances.data!}
          rowKey={(instance) => instance.processInstanceKey}
          rowTestId={() => 'instance-row'}
          columns={[
            {
              header: t('instances.list.key'),
              cell: (instance) => (
                <Link component={RouterLink} to={`/monitoring/instances/${instance.processInstanceKey}`}>
                  {instance.processInstanceKey}
                </Link>
              ),
            },
            {
              header: t('instances.list.process'),
              cell: (instance) => instance.processDefinitionName ?? instance.processDefinitionId,
            },
            { header: t('instances.list.version'), cell: (instance) => instance.processDefinitionVersion },
            {
              header: t('instances.list.state'),
              cell: (instance) => <InstanceStateChip instance={instance} />,
            },
            {
              header: t('instances.list.started'),
              cell: (instance) => new Date(instance.startDate).toLocaleString(i18n.resolvedLanguage),
            },
          ]}
        />
      )}
      {starting && definitions.data && (
        <StartInstanceDialog
          open
          definitions={definitions.data}
          onClose={() => setStarting(false)}
          onStarted={(key) => navigate(`/monitoring/instances/${key}`)}
        />
      )}
    </Box>
  );
}
