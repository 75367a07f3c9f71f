import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { ProcessDefinition } from '../../../api/process-definitions';

/** The deployed versions of a process, newest first; each opens read-only. */
export function VersionList({ versions }: { versions: ProcessDefinition[] }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ maxHeight: 200, overflow: 'auto' }} data-testid="versions">
      <Typography variant="subtitle2" component="h2" sx={{ px: 2, pt: 1 }}>
        {t('processes.versions.title')}
      </Typography>
      {versions.length === 0 ? (
        <Typography color="text.secondary" sx={{ px: 2, pb: 1 }}>
          {t('processes.versions.none')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {versions.map((v) => (
            <ListItemButton
              key={v.processDefinitionKey}
              component={RouterLink}
              to={`/designer/processes/${encodeURIComponent(v.processDefinitionId)}/versions/${v.version}`}
              data-testid={`version-${v.version}`}
            >
              <ListItemText
                primary={t('processes.versions.version', { version: v.version })}
                secondary={v.name}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Paper>
  );
}
