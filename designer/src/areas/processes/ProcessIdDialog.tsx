import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { processIdPattern } from './bpmn-xml';

interface ProcessIdDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName?: string;
  existingIds: readonly string[];
  onClose(): void;
  onSubmit(processId: string, name: string): Promise<void> | void;
  testId: string;
}

/** Asks for a process id (a BPMN id, not taken yet) and a name: for new processes and clones. */
export function ProcessIdDialog(props: ProcessIdDialogProps) {
  const { t } = useTranslation();
  const [processId, setProcessId] = useState('');
  const [name, setName] = useState(props.initialName ?? '');
  const [touched, setTouched] = useState(false);
  const idError = !processIdPattern.test(processId)
    ? t('processes.newDialog.invalidId')
    : props.existingIds.includes(processId)
      ? t('processes.newDialog.takenId')
      : null;
  const nameError = name.trim() === '' ? t('processes.newDialog.nameRequired') : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (idError || nameError) return;
    void props.onSubmit(processId, name.trim());
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} data-testid={props.testId} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <TextField
            label={t('processes.newDialog.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={touched && nameError !== null}
            helperText={touched ? nameError : null}
            slotProps={{ htmlInput: { 'data-testid': 'process-name-input' } }}
            autoFocus
            required
          />
          <TextField
            label={t('processes.newDialog.id')}
            value={processId}
            onChange={(e) => setProcessId(e.target.value)}
            error={touched && idError !== null}
            helperText={touched && idError ? idError : t('processes.newDialog.idHelp')}
            slotProps={{ htmlInput: { 'data-testid': 'process-id-input' } }}
            required
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('processes.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid={`${props.testId}-submit`}>
            {props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
