import PublishOutlined from '@mui/icons-material/PublishOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { useErrorMessage } from '../../api/useErrorMessage';
import type { DefinitionEditor } from '../../components/definitions/useDefinitionEditor';
import type { EntitySchema } from './entity-schema';
import { publishEntityType, type PublishReport } from './entity-types-api';

/** The report a 409 (incompatible, not forced) carries, or undefined for any other error. */
function reportOf(error: unknown): PublishReport | undefined {
  if (!isApiError(error) || error.status !== 409) return undefined;
  const problem = error.problem as unknown as Partial<PublishReport>;
  return Array.isArray(problem.breakingChanges) ? (problem as PublishReport) : undefined;
}

/** Publishing an entity type: a dry run first, then a confirmation that must force an incompatible change. */
export function PublishEntityTypeButton({
  editor,
  onPublished,
}: {
  editor: DefinitionEditor<EntitySchema>;
  onPublished(): void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [report, setReport] = useState<PublishReport | null>(null);
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const dryRun = async () => {
    if (editor.dirty && !(await editor.saveDraft())) return;
    setBusy(true);
    setError(null);
    setForce(false);
    try {
      setReport(await publishEntityType(editor.id, { dryRun: true }));
    } catch (failure) {
      const carried = reportOf(failure);
      if (carried) setReport(carried);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await publishEntityType(editor.id, report?.compatible ? {} : { force: true });
      setReport(null);
      if (result.version !== null) editor.notify({ kind: 'published', version: result.version });
      editor.reload();
      onPublished();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const incompatible = report !== null && !report.compatible;
  return (
    <>
      <Button
        variant="contained"
        startIcon={<PublishOutlined />}
        disabled={busy || editor.busy}
        onClick={() => void dryRun()}
        data-testid="publish"
      >
        {t('editors.dataModel.publish.button')}
      </Button>
      {error !== null && report === null && <Alert severity="error">{errorMessage(error)}</Alert>}
      <Dialog
        open={report !== null}
        onClose={() => setReport(null)}
        aria-labelledby="publish-report-title"
        data-testid="publish-report"
      >
        <DialogTitle id="publish-report-title">
          {t('editors.dataModel.publish.title', { name: editor.id })}
        </DialogTitle>
        <DialogContent>
          {report && !incompatible && (
            <Alert severity="success" data-testid="publish-compatible">
              {t('editors.dataModel.publish.compatible')}
            </Alert>
          )}
          {report && incompatible && (
            <>
              <Alert severity="warning" data-testid="publish-incompatible" sx={{ mb: 1 }}>
                {t('editors.dataModel.publish.incompatible', { count: report.failingRecords })}
              </Alert>
              <Typography variant="subtitle2">{t('editors.dataModel.publish.breakingChanges')}</Typography>
              <List dense>
                {report.breakingChanges.map((change, index) => (
                  <ListItem key={index} disableGutters>
                    <ListItemText
                      primary={change.message}
                      secondary={change.path}
                      slotProps={{ secondary: { sx: { fontFamily: 'monospace' } } }}
                    />
                  </ListItem>
                ))}
              </List>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={force}
                    onChange={(e) => setForce(e.target.checked)}
                    slotProps={{ input: { 'data-testid': 'publish-force' } as object }}
                  />
                }
                label={t('editors.dataModel.publish.force')}
              />
            </>
          )}
          {error !== null && <Alert severity="error">{errorMessage(error)}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReport(null)}>{t('editors.actions.cancel')}</Button>
          <Button
            variant="contained"
            color={incompatible ? 'warning' : 'primary'}
            disabled={busy || (incompatible && !force)}
            onClick={() => void publish()}
            data-testid="publish-confirm"
          >
            {incompatible ? t('editors.dataModel.publish.forcePublish') : t('editors.actions.publish')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
