import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A titled, outlined part of an editor (conditions, targets, weekly hours ...). */
export function EditorSection({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper component="section" variant="outlined" sx={{ p: 2 }} aria-label={title}>
      <Typography
        variant="h3"
        component="h3"
        sx={{ fontSize: '1.1rem', mb: 1.5, display: 'flex', alignItems: 'center' }}
      >
        <span style={{ flexGrow: 1 }}>{title}</span>
        {action}
      </Typography>
      {children}
    </Paper>
  );
}
