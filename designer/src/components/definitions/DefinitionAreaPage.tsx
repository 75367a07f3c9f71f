import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../useDocumentTitle';

interface DefinitionAreaPageProps {
  title: string;
  /** The definition open in the editor, shown in the browser tab before the area's title. */
  openId?: string;
  /** Between the heading and the list, e.g. tabs. */
  header?: ReactNode;
  list: ReactNode;
  children: ReactNode;
}

/** An editor area's page: its heading, the list of definitions and the editor beside it (above it on narrow screens). */
export function DefinitionAreaPage({ title, openId, header, list, children }: DefinitionAreaPageProps) {
  useDocumentTitle(openId ? `${openId} · ${title}` : title);
  return (
    <Box component="section" aria-labelledby="area-title">
      <Typography id="area-title" variant="h1" component="h1" data-testid="area-title" gutterBottom>
        {title}
      </Typography>
      {header}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: '260px minmax(0, 1fr)' },
          alignItems: 'start',
        }}
      >
        {list}
        <Box sx={{ minWidth: 0 }}>{children}</Box>
      </Box>
    </Box>
  );
}
