import AccountCircle from '@mui/icons-material/AccountCircle';
import Logout from '@mui/icons-material/Logout';
import Security from '@mui/icons-material/Security';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/useAuth';
import { SecurityDialog } from './security/SecurityDialog';
import { useRoleLabel } from './useRoleLabel';

/** The signed-in user's name and roles, with the security settings and the sign-out action. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const roleLabel = useRoleLabel();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [securityOpen, setSecurityOpen] = useState(false);
  const menuId = useId();
  if (!user) return null;

  const name = user.displayName || user.username;
  const roles = user.roles.length > 0 ? user.roles.map(roleLabel).join(', ') : t('shell.noRoles');
  const open = anchor !== null;

  // Signing out ends the session state; RequireAuth then shows the login page.
  const signOut = () => {
    setAnchor(null);
    void logout();
  };

  return (
    <>
      <Button
        color="inherit"
        data-testid="user-menu"
        aria-label={t('shell.userMenu', { name })}
        aria-haspopup="menu"
        aria-controls={open ? menuId : undefined}
        aria-expanded={open ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={<AccountCircle />}
        sx={{ textAlign: 'left', lineHeight: 1.2, ml: 1 }}
      >
        <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }}>
          <span data-testid="user-display-name">{name}</span>
          <Typography
            component="span"
            variant="caption"
            data-testid="user-roles"
            sx={{ opacity: 0.85, display: { xs: 'none', sm: 'block' } }}
          >
            {roles}
          </Typography>
        </Box>
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={open} onClose={() => setAnchor(null)}>
        <Box sx={{ px: 2, py: 1, maxWidth: 320 }}>
          <Typography sx={{ fontWeight: 600 }}>{name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {user.username}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {t('shell.roles')}: {roles}
          </Typography>
        </Box>
        <Divider />
        <MenuItem
          data-testid="security"
          onClick={() => {
            setAnchor(null);
            setSecurityOpen(true);
          }}
        >
          <ListItemIcon>
            <Security fontSize="small" />
          </ListItemIcon>
          {t('mfa.title')}
        </MenuItem>
        <MenuItem data-testid="logout" onClick={signOut}>
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          {t('shell.logout')}
        </MenuItem>
      </Menu>
      {securityOpen && <SecurityDialog onClose={() => setSecurityOpen(false)} />}
    </>
  );
}
