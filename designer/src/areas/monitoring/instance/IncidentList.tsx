import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../api/useErrorMessage';
import { useAuth } from '../../../auth/useAuth';
import { retryIncident, type Incident } from '../instance-api';

/** The instance's incidents; an active one can be retried (resolved) from here. */
export function IncidentList(props: { incidents: Incident[]; onRetried(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { hasPermission } = useAuth();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const retry = async (incident: Incident) => {
    setBusy(incident.incidentKey);
    setFailure(null);
    try {
      await retryIncident(incident);
      props.onRetried();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  if (props.incidents.length === 0)
    return <Typography color="text.secondary">{t('instances.view.noIncidents')}</Typography>;
  return (
    <Stack spacing={1}>
      {failure && <Alert severity="error">{failure}</Alert>}
      {props.incidents.map((incident) => (
        <Alert
          key={incident.incidentKey}
          severity={incident.state === 'ACTIVE' ? 'error' : 'success'}
          data-testid={`incident-${incident.incidentKey}`}
          action={
            incident.state === 'ACTIVE' && hasPermission('incidents.resolve') ? (
              <Button
                color="inherit"
                size="small"
                startIcon={<ReplayOutlined />}
                disabled={busy !== null}
                onClick={() => void retry(incident)}
                data-testid="retry-incident"
              >
                {t('instances.view.retry')}
              </Button>
            ) : undefined
          }
        >
          <strong>{incident.elementId}</strong> · {incident.errorType}: {incident.errorMessage}
          {incident.state === 'RESOLVED' && ` (${t('instances.view.resolved')})`}
        </Alert>
      ))}
    </Stack>
  );
}
