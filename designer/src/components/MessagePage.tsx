import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { SvgIconComponent } from '@mui/icons-material';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './useDocumentTitle';

interface MessagePageProps {
  icon: SvgIconComponent;
  title: string;
  body?: string;
  action?: ReactNode;
  testId: string;
}

/** A full-width notice inside the content area: not found, not allowed, nothing to show. */
export function MessagePage({ icon: Icon, title, body, action, testId }: MessagePageProps) {
  useDocumentTitle(title);
  return (
    <Paper data-testid={testId} sx={{ maxWidth: 640, mx: 'auto', mt: { xs: 2, md: 6 }, p: { xs: 3, md: 5 } }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Icon color="primary" sx={{ fontSize: 40, flexShrink: 0 }} />
        <Box>
          <Typography variant="h2" component="h1" gutterBottom={Boolean(body)}>
            {title}
          </Typography>
          {body && <Typography color="text.secondary">{body}</Typography>}
          {action && <Box sx={{ mt: 3 }}>{action}</Box>}
        </Box>
      </Box>
    </Paper>
  );
}
