import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';

/** First focusable element: lets keyboard users jump over the top bar and navigation. */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  return (
    <Link
      href={`#${target}`}
      onClick={(event) => {
        // Focus the target without touching the router's URL.
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
      sx={(theme) => ({
        position: 'absolute',
        left: theme.spacing(1),
        top: theme.spacing(-8),
        zIndex: theme.zIndex.tooltip,
        p: 1,
        bgcolor: 'background.paper',
        borderRadius: 1,
        '&:focus': { top: theme.spacing(1) },
      })}
    >
      {t('app.skipToContent')}
    </Link>
  );
}
