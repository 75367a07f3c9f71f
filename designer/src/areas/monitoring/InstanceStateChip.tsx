import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { ProcessInstance } from './instance-api';

export function InstanceStateChip({
  instance,
}: {
  instance: Pick<ProcessInstance, 'state' | 'hasIncident'>;
}) {
  const { t } = useTranslation();
  if (instance.hasIncident)
    return (
      <Chip
        size="small"
        color="error"
        label={t('instances.state.INCIDENT')}
        data-testid="instance-state"
        data-state="INCIDENT"
      />
    );
  const color =
    instance.state === 'ACTIVE' ? 'primary' : instance.state === 'COMPLETED' ? 'success' : 'default';
  return (
    <Chip
      size="small"
      color={color}
      label={t(`instances.state.${instance.state}`)}
      data-testid="instance-state"
      data-state={instance.state}
    />
  );
}
