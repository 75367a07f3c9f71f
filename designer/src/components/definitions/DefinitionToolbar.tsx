import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import PublishOutlined from '@mui/icons-material/PublishOutlined';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import { ProblemList } from './ProblemList';
import type { DefinitionEditor } from './useDefinitionEditor';
import { useUnsavedChangesGuard } from '../useUnsavedChangesGuard';

interface DefinitionToolbarProps<T> {
  editor: DefinitionEditor<T>;
  title: string;
  /** Replaces the plain publish button, e.g. with a dry run first. */
  publishButton?: ReactNode;
}

/** Status, save draft / publish / discard / versions, the outcome of the last action and the server's problems. */
export function DefinitionToolbar<T>({ editor, title, publishButton }: DefinitionToolbarProps<T>) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const guard = useUnsavedChangesGuard(editor.dirty);
  const [versionsAnchor, setVersionsAnchor] = useState<HTMLElement | null>(null);
  const published = editor.document?.published;
  const versions = editor.document?.versions ?? [];
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Box component="header" sx={{ mb: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' }, mb: 1 }}>
        <Typography
          variant="h2"
          component="h2"
          sx={{ fontSize: '1.5rem', flexGrow: 1 }}
          data-testid="editor-title"
        >
          {title}{' '}
          <Typography component="span" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {editor.id}
          </Typography>
        </Typography>
        <Stack
          direction="row"
          spacing={1}
          sx={{ flexWrap: 'wrap', alignItems: 'center' }}
          data-testid="editor-status"
        >
          {published ? (
            <Chip
              size="small"
              color="success"
              label={t('editors.status.published', { version: published.version })}
            />
          ) : (
            <Chip size="small" label={t('editors.status.neverPublished')} />
          )}
          {editor.document?.draft && <Chip size="small" color="info" label={t('editors.status.draft')} />}
          {editor.dirty && (
            <Chip
              size="small"
              color="warning"
              label={t('editors.status.unsaved')}
              data-testid="status-unsaved"
            />
          )}
        </Stack>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          variant="outlined"
          startIcon={<SaveOutlined />}
          disabled={editor.busy || !editor.dirty}
          onClick={() => void editor.saveDraft()}
          data-testid="save-draft"
        >
          {t('editors.actions.saveDraft')}
        </Button>
        {publishButton ?? (
          <Button
            variant="contained"
            startIcon={<PublishOutlined />}
            disabled={editor.busy}
            onClick={() => void editor.publish()}
            data-testid="publish"
          >
            {t('editors.actions.publish')}
          </Button>
        )}
        {editor.document?.draft && (
          <Button
            color="warning"
            disabled={editor.busy}
            onClick={() => void editor.discardDraft()}
            data-testid="discard-draft"
          >
            {t('editors.actions.discardDraft')}
          </Button>
        )}
        <Button
          startIcon={<HistoryOutlined />}
          disabled={versions.length === 0}
          onClick={(event) => setVersionsAnchor(event.currentTarget)}
          aria-haspopup="menu"
          data-testid="versions"
        >
          {t('editors.actions.versions', { count: versions.length })}
        </Button>
        <Menu
          anchorEl={versionsAnchor}
          open={versionsAnchor !== null}
          onClose={() => setVersionsAnchor(null)}
        >
          {[...versions].reverse().map((v) => (
            <MenuItem
              key={v.version}
              data-testid={`version-${v.version}`}
              disabled={!editor.canLoadVersion}
              onClick={() => {
                setVersionsAnchor(null);
                void editor.loadVersion(v.version);
              }}
            >
              {t('editors.versions.item', {
                version: v.version,
                date: when(v.publishedAt),
                by: v.publishedBy ?? '—',
              })}
            </MenuItem>
          ))}
        </Menu>
      </Stack>
      <Box aria-live="polite" sx={{ mt: 1 }}>
        {editor.lastAction && (
          <Alert severity="success" data-testid="action-result" data-kind={editor.lastAction.kind}>
            {t(`editors.result.${editor.lastAction.kind}`, { version: editor.lastAction.version ?? '' })}
          </Alert>
        )}
        {editor.actionError !== null && editor.problems.length === 0 && (
          <Alert severity="error" data-testid="action-error">
            {errorMessage(editor.actionError)}
          </Alert>
        )}
      </Box>
      {editor.problems.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <ProblemList problems={editor.problems} />
        </Box>
      )}
      {guard}
    </Box>
  );
}
