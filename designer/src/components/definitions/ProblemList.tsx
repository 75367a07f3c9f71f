import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './json-pointer';

/** Moves focus to the control marked with `data-pointer` for `path`, or for its nearest parent. */
export function focusPointer(path: string): void {
  for (let at = path; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const holder = document.querySelector(`[data-pointer="${CSS.escape(at)}"]`);
    if (holder) {
      const target =
        holder.matches('input, textarea, button, [tabindex]') && holder instanceof HTMLElement
          ? holder
          : holder.querySelector<HTMLElement>('input, textarea, [role="combobox"], button, [tabindex]');
      holder.scrollIntoView({ block: 'center', behavior: 'smooth' });
      target?.focus();
      return;
    }
    if (at === '') return;
  }
}

/** The problems the server found in the content; each one takes the user to the field it names. */
export function ProblemList({ problems }: { problems: readonly FieldProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert severity="error" data-testid="problem-list" sx={{ mb: 2 }}>
      <AlertTitle>{t('editors.problems.title', { count: problems.length })}</AlertTitle>
      <List dense disablePadding>
        {problems.map((problem, index) => (
          <ListItemButton
            key={`${problem.path}-${index}`}
            onClick={() => focusPointer(problem.path)}
            sx={{ py: 0, px: 1 }}
          >
            <ListItemIcon sx={{ minWidth: 28 }}>
              <ErrorOutline fontSize="small" color="error" />
            </ListItemIcon>
            <ListItemText
              primary={problem.message}
              secondary={problem.path || t('editors.problems.wholeDocument')}
              slotProps={{ secondary: { sx: { fontFamily: 'monospace' } } }}
            />
          </ListItemButton>
        ))}
      </List>
    </Alert>
  );
}
