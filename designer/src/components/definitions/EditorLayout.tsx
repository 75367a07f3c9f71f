import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** A list beside its editor on wide screens, one above the other on narrow ones. */
export function EditorLayout({ list, children }: { list: ReactNode; children: ReactNode }) {
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', md: '260px minmax(0, 1fr)' },
        alignItems: 'start',
      }}
    >
      {list}
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
}
