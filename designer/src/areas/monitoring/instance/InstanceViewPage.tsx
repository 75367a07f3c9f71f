import './instance-view.css';
import RefreshOutlined from '@mui/icons-material/RefreshOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useErrorMessage } from '../../../api/useErrorMessage';
import type { NavigatedViewer } from '../../../bpmn/create-viewer';
import { LoadingIndicator } from '../../../components/LoadingIndicator';
import { useDocumentTitle } from '../../../components/useDocumentTitle';
import { getDefinitionXml } from '../../../api/process-definitions';
import { DiagramViewer } from '../../../components/DiagramViewer';
import { useLoad } from '../../../components/useLoad';
import {
  getInstance,
  instanceHistory,
  instanceIncidents,
  instanceStatistics,
  instanceVariables,
} from '../instance-api';
import { InstanceStateChip } from '../InstanceStateChip';
import { elementBadges } from './element-badges';
import { HistoryTable } from './HistoryTable';
import { IncidentList } from './IncidentList';
import { VariableTable } from './VariableTable';

interface Overlays {
  add(
    elementId: string,
    type: string,
    overlay: { position: Record<string, number>; html: HTMLElement },
  ): void;
}

async function loadInstance(key: string) {
  const instance = await getInstance(key);
  const [xml, statistics, variables, history, incidents] = await Promise.all([
    getDefinitionXml(instance.processDefinitionKey),
    instanceStatistics(instance),
    instanceVariables(key),
    instanceHistory(key),
    instanceIncidents(key),
  ]);
  return { instance, xml, statistics, variables, history, incidents };
}

/** One instance: its diagram with active elements and counts, variables, history and incidents. */
export default function InstanceViewPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const key = useParams().processInstanceKey ?? '';
  useDocumentTitle(t('instances.view.title', { key }));
  const loaded = useLoad(() => loadInstance(key), [key]);
  const [tab, setTab] = useState(0);
  const statistics = loaded.data?.statistics;

  const decorate = useCallback(
    (viewer: NavigatedViewer) => {
      const canvas = viewer.get<{
        addMarker(id: string, marker: string): void;
        getRootElement(): { id: string };
      }>('canvas');
      const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
      const overlays = viewer.get<Overlays>('overlays');
      const root = canvas.getRootElement().id;
      for (const badge of elementBadges(statistics ?? [])) {
        if (badge.elementId === root || !registry.get(badge.elementId)) continue;
        if (badge.marker) canvas.addMarker(badge.elementId, badge.marker);
        const html = document.createElement('div');
        html.className = 'tramit-count';
        html.dataset.elementId = badge.elementId;
        for (const { kind, count } of badge.counts) {
          const span = document.createElement('span');
          span.className = kind;
          span.title = t(`instances.view.count.${kind}`, { n: count });
          span.textContent = String(count);
          html.append(span);
        }
        overlays.add(badge.elementId, 'tramit-count', { position: { bottom: 12, left: -8 }, html });
      }
    },
    [statistics, t],
  );

  if (loaded.error !== undefined) return <Alert severity="error">{errorMessage(loaded.error)}</Alert>;
  if (!loaded.data) return <LoadingIndicator />;
  const { instance, xml, variables, history, incidents } = loaded.data;

  return (
    <Box component="section" aria-labelledby="area-title" sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2 }}>
        <Typography id="area-title" variant="h2" component="h1" data-testid="area-title" sx={{ flexGrow: 1 }}>
          {instance.processDefinitionName ?? instance.processDefinitionId}{' '}
          <Typography component="span" color="text.secondary">
            {t('instances.view.subtitle', { key, version: instance.processDefinitionVersion })}
          </Typography>
        </Typography>
        <InstanceStateChip instance={instance} />
        <Button
          startIcon={<RefreshOutlined />}
          onClick={loaded.reload}
          disabled={loaded.loading}
          data-testid="refresh"
        >
          {t('instances.view.refresh')}
        </Button>
      </Box>
      <DiagramViewer xml={xml} decorate={decorate} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_, value: number) => setTab(value)}
          aria-label={t('instances.view.tabs')}
        >
          <Tab label={t('instances.view.variables', { n: variables.length })} data-testid="tab-variables" />
          <Tab label={t('instances.view.history', { n: history.length })} data-testid="tab-history" />
          <Tab
            label={t('instances.view.incidents', { n: incidents.filter((i) => i.state === 'ACTIVE').length })}
            data-testid="tab-incidents"
          />
        </Tabs>
        <Box sx={{ p: 2 }} role="tabpanel">
          {tab === 0 && <VariableTable variables={variables} />}
          {tab === 1 && <HistoryTable history={history} />}
          {tab === 2 && <IncidentList incidents={incidents} onRetried={loaded.reload} />}
        </Box>
      </Paper>
    </Box>
  );
}
