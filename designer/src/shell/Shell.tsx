import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { Suspense, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { useVisibleAreas } from '../areas/useVisibleAreas';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LoadingIndicator } from '../components/LoadingIndicator';
import { SkipLink } from '../components/SkipLink';
import { mainContentId, permanentDrawerBreakpoint } from './layout';
import { NavDrawer } from './NavDrawer';
import { TopBar } from './TopBar';

const navId = 'main-navigation';

/** Top bar, navigation drawer and the content area where the current route renders. */
export function Shell() {
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up(permanentDrawerBreakpoint), { noSsr: true });
  const areas = useVisibleAreas();
  // A failing page is reset when the user moves to another area.
  const areaSegment = useLocation().pathname.split('/')[1] ?? '';
  const [drawerOpen, setDrawerOpen] = useState(false);
  const hasNavigation = areas.length > 0;
  const showMenuButton = hasNavigation && !wide;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink target={mainContentId} />
      <TopBar
        aboveDrawer={wide}
        menu={
          showMenuButton
            ? { controls: navId, expanded: drawerOpen, onOpen: () => setDrawerOpen(true) }
            : undefined
        }
      />
      {hasNavigation && (
        <NavDrawer
          id={navId}
          areas={areas}
          permanent={wide}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
        />
      )}
      <Box
        component="main"
        id={mainContentId}
        tabIndex={-1}
        sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, sm: 3 }, outline: 'none' }}
      >
        <Toolbar />
        <ErrorBoundary key={areaSegment}>
          <Suspense fallback={<LoadingIndicator />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Box>
    </Box>
  );
}
