import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTranslation } from 'react-i18next';
import { NavLink, useMatch } from 'react-router-dom';
import type { Area } from '../areas/areas';

/** One area in the navigation; NavLink marks the current one with aria-current="page". */
export function NavItem({ area, onNavigate }: { area: Area; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const active = useMatch({ path: area.path, end: false }) !== null;
  const Icon = area.icon;
  return (
    <ListItem disablePadding>
      <ListItemButton
        component={NavLink}
        to={area.path}
        selected={active}
        data-testid={area.testId}
        onClick={onNavigate}
      >
        <ListItemIcon sx={{ minWidth: 40 }}>
          <Icon />
        </ListItemIcon>
        <ListItemText primary={t(`areas.${area.id}.title`)} />
      </ListItemButton>
    </ListItem>
  );
}
