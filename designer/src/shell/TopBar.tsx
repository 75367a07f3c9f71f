import MenuIcon from '@mui/icons-material/Menu';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { ProductMark } from './ProductMark';
import { UserMenu } from './UserMenu';

interface TopBarProps {
  /** Shown on narrow screens to open the navigation drawer. */
  menu?: { controls: string; expanded: boolean; onOpen(): void };
  /** With a permanent drawer the bar spans the full width above it; a temporary drawer covers the bar. */
  aboveDrawer: boolean;
}

export function TopBar({ menu, aboveDrawer }: TopBarProps) {
  const { t } = useTranslation();
  return (
    <AppBar position="fixed" sx={aboveDrawer ? (theme) => ({ zIndex: theme.zIndex.drawer + 1 }) : undefined}>
      <Toolbar>
        {menu && (
          <IconButton
            color="inherit"
            edge="start"
            aria-label={t('shell.openNavigation')}
            aria-controls={menu.controls}
            aria-expanded={menu.expanded}
            onClick={menu.onOpen}
            data-testid="nav-toggle"
            sx={{ mr: 1 }}
          >
            <MenuIcon />
          </IconButton>
        )}
        <Box
          component={RouterLink}
          to="/"
          sx={{ display: 'flex', alignItems: 'center', gap: 1.5, color: 'inherit', textDecoration: 'none' }}
        >
          <ProductMark size={28} inverted />
          <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>
            {t('app.name')}
          </Typography>
        </Box>
        <Box sx={{ flexGrow: 1 }} />
        <LanguageSwitcher />
        <UserMenu />
      </Toolbar>
    </AppBar>
  );
}
