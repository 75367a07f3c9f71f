import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { pointer, problemAt, type FieldProblem } from '../../components/definitions/json-pointer';
import { LocalizedTextFields } from '../../components/definitions/LocalizedTextFields';
import { selectTestId } from '../../components/definitions/select-test-id';
import { fieldProblems, fieldTypes, type FieldModel, type FieldType } from './entity-schema';
import { FieldAccessInputs } from './FieldAccessInputs';
import { FieldValidationInputs } from './FieldValidationInputs';

interface FieldEditorDialogProps {
  /** The field being edited, with the name it had (null for a new field). */
  editing: { originalName: string | null; field: FieldModel };
  otherNames: readonly string[];
  typeNames: readonly string[];
  problems: readonly FieldProblem[];
  onApply(field: FieldModel): void;
  onClose(): void;
}

const keywordOf: Partial<Record<keyof FieldModel, string>> = { label: 'x-label', unique: 'x-unique' };

/** Everything about one field: name, type, required, labels, validation, index, access, masking, relation. */
export function FieldEditorDialog({
  editing,
  otherNames,
  typeNames,
  problems,
  onApply,
  onClose,
}: FieldEditorDialogProps) {
  const { t } = useTranslation();
  const [field, setField] = useState(editing.field);
  const local = fieldProblems(field, otherNames);
  const base = pointer('properties', editing.originalName ?? field.name);
  const problem = (keyword: string) => {
    const code = (Object.entries(local).find(
      ([key]) => key === keyword || keywordOf[key as keyof FieldModel] === keyword,
    ) ?? [])[1];
    return code
      ? t(`editors.dataModel.problems.${code as 'name'}`)
      : problemAt(problems, `${base}/${keyword}`);
  };
  const labelProblems: readonly FieldProblem[] = local.label
    ? [{ path: `${base}/x-label`, message: t('editors.dataModel.problems.label') }]
    : problems;
  const renamed = editing.originalName !== null && editing.originalName !== field.name;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(local).length === 0) onApply(field);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="field-editor-title"
      data-testid="field-editor"
    >
      <form onSubmit={apply} noValidate>
        <DialogTitle id="field-editor-title">
          {editing.originalName
            ? t('editors.dataModel.field.editTitle', { name: editing.originalName })
            : t('editors.dataModel.field.newTitle')}
        </DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
              <TextField
                size="small"
                autoFocus
                required
                sx={{ flex: '1 1 220px' }}
                label={t('editors.dataModel.field.name')}
                value={field.name}
                error={local.name !== undefined && field.name !== ''}
                helperText={
                  (field.name !== '' && problem('name')) ||
                  (renamed
                    ? t('editors.dataModel.field.renameWarning')
                    : t('editors.dataModel.field.nameHelp'))
                }
                onChange={(e) => setField({ ...field, name: e.target.value.trim() })}
                slotProps={{ htmlInput: { 'data-testid': 'field-name' } }}
              />
              <TextField
                select
                size="small"
                label={t('editors.dataModel.field.type')}
                value={field.type}
                error={problem('type') !== undefined}
                helperText={problem('type')}
                onChange={(e) => setField({ ...field, type: e.target.value as FieldType })}
                sx={{ minWidth: 180 }}
                slotProps={{ select: selectTestId('field-type') }}
              >
                {fieldTypes.map((type) => (
                  <MenuItem key={type} value={type}>
                    {t(`editors.dataModel.types.${type}`)}
                  </MenuItem>
                ))}
              </TextField>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={field.required}
                    onChange={(e) => setField({ ...field, required: e.target.checked })}
                  />
                }
                label={t('editors.dataModel.field.required')}
                sx={{ minWidth: 140 }}
              />
            </Stack>
            <LocalizedTextFields
              label={t('editors.dataModel.field.label')}
              value={field.label}
              onChange={(label) => setField({ ...field, label })}
              path={`${base}/x-label`}
              problems={labelProblems}
              testId="field-label"
            />
            <Divider />
            <Typography variant="subtitle1" component="h3">
              {t('editors.dataModel.field.validation')}
            </Typography>
            <FieldValidationInputs field={field} onChange={setField} problem={problem} />
            <Divider />
            <Typography variant="subtitle1" component="h3">
              {t('editors.dataModel.field.access')}
            </Typography>
            <FieldAccessInputs field={field} onChange={setField} problem={problem} typeNames={typeNames} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('editors.actions.cancel')}</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={Object.keys(local).length > 0}
            data-testid="field-apply"
          >
            {t('editors.dataModel.field.apply')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
