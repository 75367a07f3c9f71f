/** Width of the navigation drawer, and the breakpoint from which it stays open. */
export const drawerWidth = 256;
export const permanentDrawerBreakpoint = 'md';
export const mainContentId = 'main-content';
