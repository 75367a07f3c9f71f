import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import { startInstance, type ProcessDefinition } from '../../api/process-definitions';
import { parseVariables } from './parse-variables';

interface StartInstanceDialogProps {
  open: boolean;
  definitions: ProcessDefinition[];
  initialKey?: string;
  onClose(): void;
  onStarted(processInstanceKey: string): void;
}

/** Starts an instance of a deployed version with variables typed as a JSON object. */
export function StartInstanceDialog(props: StartInstanceDialogProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [key, setKey] = useState(props.initialKey ?? props.definitions[0]?.processDefinitionKey ?? '');
  const [text, setText] = useState('{\n  \n}');
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = parseVariables(text);
  const variablesError = parsed.error
    ? t(`instances.start.${parsed.error.key}`, { detail: parsed.error.detail ?? '' })
    : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!parsed.variables || !key) return;
    setBusy(true);
    setFailure(null);
    try {
      const started = await startInstance(key, parsed.variables);
      props.onStarted(started.processInstanceKey);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm" data-testid="start-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle>{t('instances.start.title')}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          {failure && (
            <Alert severity="error" data-testid="start-error">
              {failure}
            </Alert>
          )}
          <TextField
            select
            label={t('instances.start.definition')}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'start-definition' } }}
          >
            {props.definitions.map((d) => (
              <MenuItem key={d.processDefinitionKey} value={d.processDefinitionKey}>
                {t('instances.start.definitionOption', {
                  id: d.processDefinitionId,
                  name: d.name ?? d.processDefinitionId,
                  version: d.version,
                })}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('instances.start.variables')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => setTouched(true)}
            multiline
            minRows={6}
            error={touched && variablesError !== null}
            helperText={touched && variablesError ? variablesError : t('instances.start.variablesHelp')}
            slotProps={{
              htmlInput: {
                'data-testid': 'start-variables',
                spellCheck: false,
                style: { fontFamily: 'monospace' },
              },
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('processes.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !key} data-testid="start-submit">
            {t('instances.start.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
