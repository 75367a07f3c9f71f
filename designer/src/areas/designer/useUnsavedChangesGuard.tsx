import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/**
 * Warns before unsaved changes are lost: the browser's prompt on reload or close, and a dialog when
 * an in-app link is followed (the app uses a declarative router, so links are intercepted here).
 */
export function useUnsavedChangesGuard(dirty: boolean): ReactNode {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download'))
        return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(url.pathname + url.search + url.hash);
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);

  return (
    <Dialog open={pending !== null} onClose={() => setPending(null)} data-testid="unsaved-dialog">
      <DialogTitle>{t('processes.unsaved.title')}</DialogTitle>
      <DialogContent>{t('processes.unsaved.body')}</DialogContent>
      <DialogActions>
        <Button onClick={() => setPending(null)} autoFocus data-testid="unsaved-stay">
          {t('processes.unsaved.stay')}
        </Button>
        <Button
          color="error"
          data-testid="unsaved-leave"
          onClick={() => {
            const target = pending;
            setPending(null);
            if (target) void navigate(target);
          }}
        >
          {t('processes.unsaved.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
