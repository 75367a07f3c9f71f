import ErrorOutlineOutlined from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export interface PanelProblem {
  elementId?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** The diagram's problems (lint and deployment); choosing one selects its element. */
export function LintPanel(props: { problems: PanelProblem[]; onSelect(elementId: string): void }) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ maxHeight: 200, overflow: 'auto' }} data-testid="problems-panel">
      <Typography variant="subtitle2" component="h2" sx={{ px: 2, pt: 1 }}>
        {t('processes.problems.title', { n: props.problems.length })}
      </Typography>
      {props.problems.length === 0 ? (
        <Typography color="text.secondary" sx={{ px: 2, pb: 1 }} data-testid="no-problems">
          {t('processes.problems.none')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {props.problems.map((problem, i) => (
            <ListItemButton
              key={`${problem.elementId ?? ''}-${i}`}
              data-testid="problem"
              data-element-id={problem.elementId}
              disabled={!problem.elementId}
              onClick={() => problem.elementId && props.onSelect(problem.elementId)}
            >
              <ListItemIcon sx={{ minWidth: 32 }}>
                {problem.severity === 'error' ? (
                  <ErrorOutlineOutlined color="error" fontSize="small" />
                ) : (
                  <WarningAmberOutlined color="warning" fontSize="small" />
                )}
              </ListItemIcon>
              <ListItemText primary={problem.message} secondary={problem.elementId} />
            </ListItemButton>
          ))}
        </List>
      )}
    </Paper>
  );
}
