import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Area } from '../areas/areas';
import { drawerWidth } from './layout';
import { NavItem } from './NavItem';
import { ProductMark } from './ProductMark';

interface NavDrawerProps {
  id: string;
  areas: readonly Area[];
  /** Wide screens keep the drawer open beside the content; narrow ones open it over it. */
  permanent: boolean;
  open: boolean;
  onClose(): void;
}

/** The navigation drawer. Only one drawer variant is mounted, so every test id exists once. */
export function NavDrawer({ id, areas, permanent, open, onClose }: NavDrawerProps) {
  const { t } = useTranslation();
  // The landmark lives inside the drawer: a temporary drawer renders in a portal outside this Box.
  const navigation = (
    <Box component="nav" id={id} aria-label={t('shell.navigation')}>
      <List sx={{ pt: 1 }}>
        {areas.map((area) => (
          <NavItem key={area.id} area={area} onNavigate={permanent ? undefined : onClose} />
        ))}
      </List>
    </Box>
  );
  return (
    <Box sx={{ width: permanent ? drawerWidth : 0, flexShrink: 0 }}>
      <Drawer
        variant={permanent ? 'permanent' : 'temporary'}
        open={permanent || open}
        onClose={onClose}
        sx={{ '& .MuiDrawer-paper': { width: drawerWidth, boxSizing: 'border-box' } }}
      >
        {permanent ? (
          <Toolbar />
        ) : (
          <Toolbar sx={{ gap: 1.5 }}>
            <ProductMark size={28} />
            <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>
              {t('app.name')}
            </Typography>
          </Toolbar>
        )}
        {navigation}
      </Drawer>
    </Box>
  );
}
