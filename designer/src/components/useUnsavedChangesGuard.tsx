import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

/** The in-app path a click on `target` would open, when it leaves the current page; else undefined. */
function leavingPath(event: MouseEvent, currentPath: string): string | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank') return undefined;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname === currentPath) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * While `dirty`, warns before the tab is closed or reloaded (beforeunload) and asks before any
 * in-app link leaves the page. Returns the confirmation dialog, to be rendered by the editor.
 */
export function useUnsavedChangesGuard(dirty: boolean): ReactNode {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const intercept = (event: MouseEvent) => {
      const target = leavingPath(event, pathname);
      if (target === undefined) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(target);
    };
    window.addEventListener('beforeunload', warn);
    document.addEventListener('click', intercept, true);
    return () => {
      window.removeEventListener('beforeunload', warn);
      document.removeEventListener('click', intercept, true);
    };
  }, [dirty, pathname]);

  const leave = () => {
    const target = pending;
    setPending(null);
    if (target) void navigate(target);
  };

  return (
    <Dialog
      open={pending !== null}
      onClose={() => setPending(null)}
      aria-labelledby="unsaved-title"
      data-testid="unsaved-dialog"
    >
      <DialogTitle id="unsaved-title">{t('editors.unsaved.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('editors.unsaved.body')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setPending(null)} autoFocus data-testid="unsaved-stay">
          {t('editors.unsaved.stay')}
        </Button>
        <Button color="warning" onClick={leave} data-testid="unsaved-leave">
          {t('editors.unsaved.leave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
