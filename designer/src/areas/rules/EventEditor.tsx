import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemAt, type FieldProblem } from '../../components/definitions/json-pointer';
import { paramRows, withEventParams, type ParamRow, type RuleEvent } from './rule-set-model';
import { AddButton, RemoveButton } from '../../components/definitions/RowButtons';

interface EventEditorProps {
  event: RuleEvent;
  onChange(event: RuleEvent): void;
  pointer: string;
  problems: readonly FieldProblem[];
  testId: string;
}

/** What a rule produces when it fires: an event type and named parameters. */
export function EventEditor({ event, onChange, pointer, problems, testId }: EventEditorProps) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ParamRow[]>(() => paramRows(event.params));
  const changeRows = (next: ParamRow[]) => {
    setRows(next);
    onChange(withEventParams(event, next));
  };
  const typeError = problemAt(problems, `${pointer}/type`);

  return (
    <Stack spacing={1} data-pointer={pointer}>
      <Typography variant="subtitle2" component="h4">
        {t('editors.rules.event')}
      </Typography>
      <TextField
        size="small"
        label={t('editors.rules.eventType')}
        value={event.type}
        required
        error={typeError !== undefined}
        helperText={typeError ?? t('editors.rules.eventTypeHelp')}
        onChange={(e) => onChange({ ...event, type: e.target.value })}
        slotProps={{ htmlInput: { 'data-pointer': `${pointer}/type`, 'data-testid': `${testId}-type` } }}
      />
      {rows.map((row, index) => (
        <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label={t('editors.rules.paramName')}
            value={row.name}
            onChange={(e) =>
              changeRows(rows.map((r, i) => (i === index ? { ...r, name: e.target.value } : r)))
            }
            slotProps={{ htmlInput: { 'data-testid': `${testId}-param-${index}-name` } }}
          />
          <TextField
            size="small"
            fullWidth
            label={t('editors.rules.paramValue')}
            value={row.text}
            error={problemAt(problems, `${pointer}/params/${row.name}`) !== undefined}
            helperText={problemAt(problems, `${pointer}/params/${row.name}`)}
            onChange={(e) =>
              changeRows(rows.map((r, i) => (i === index ? { ...r, text: e.target.value } : r)))
            }
            slotProps={{ htmlInput: { 'data-testid': `${testId}-param-${index}-value` } }}
          />
          <RemoveButton
            label={t('editors.conditions.remove')}
            onClick={() => changeRows(rows.filter((_r, i) => i !== index))}
          />
        </Stack>
      ))}
      <div>
        <AddButton
          label={t('editors.rules.addParam')}
          onClick={() => setRows([...rows, { name: '', text: '' }])}
          testId={`${testId}-add-param`}
        />
      </div>
    </Stack>
  );
}
