import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ChipsInput } from '../../components/definitions/ChipsInput';
import { stringFormats, type FieldModel } from './entity-schema';

export interface FieldInputsProps {
  field: FieldModel;
  onChange(field: FieldModel): void;
  /** The message for an input, keyed by the JSON Schema keyword it edits. */
  problem(keyword: string): string | undefined;
}

const optionalNumber = (text: string) => (text === '' ? undefined : Number(text));

/** Format, allowed values and limits: what a value of the field must look like. */
export function FieldValidationInputs({ field, onChange, problem }: FieldInputsProps) {
  const { t } = useTranslation();
  const isString = field.type === 'string';
  const isNumber = field.type === 'number' || field.type === 'integer';
  const numberInput = (key: 'minLength' | 'maxLength' | 'minimum' | 'maximum') => (
    <TextField
      size="small"
      type="number"
      label={t(`editors.dataModel.field.${key}`)}
      value={field[key] ?? ''}
      error={problem(key) !== undefined}
      helperText={problem(key)}
      onChange={(e) => onChange({ ...field, [key]: optionalNumber(e.target.value) })}
      slotProps={{ htmlInput: { 'data-testid': `field-${key}` } }}
      sx={{ flex: 1 }}
    />
  );
  if (!isString && !isNumber) return null;
  return (
    <Stack spacing={2}>
      {isString && (
        <>
          <TextField
            select
            size="small"
            label={t('editors.dataModel.field.format')}
            value={field.format ?? ''}
            error={problem('format') !== undefined}
            helperText={problem('format') ?? t('editors.dataModel.field.formatHelp')}
            onChange={(e) => onChange({ ...field, format: e.target.value || undefined })}
          >
            <MenuItem value="">{t('editors.dataModel.field.noFormat')}</MenuItem>
            {stringFormats.map((format) => (
              <MenuItem key={format} value={format}>
                {t(`editors.dataModel.formats.${format}`)}
              </MenuItem>
            ))}
          </TextField>
          <ChipsInput
            label={t('editors.dataModel.field.enum')}
            value={field.enum ?? []}
            onChange={(values) =>
              onChange({
                ...field,
                enum:
                  values.length > 0 ? [...new Set(values.map((v) => v.trim()).filter(Boolean))] : undefined,
              })
            }
            error={problem('enum')}
            helperText={t('editors.dataModel.field.enumHelp')}
            testId="field-enum"
          />
          <Stack direction="row" spacing={1}>
            {numberInput('minLength')}
            {numberInput('maxLength')}
          </Stack>
          <TextField
            size="small"
            label={t('editors.dataModel.field.pattern')}
            value={field.pattern ?? ''}
            error={problem('pattern') !== undefined}
            helperText={problem('pattern') ?? t('editors.dataModel.field.patternHelp')}
            onChange={(e) => onChange({ ...field, pattern: e.target.value || undefined })}
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
          />
        </>
      )}
      {isNumber && (
        <Stack direction="row" spacing={1}>
          {numberInput('minimum')}
          {numberInput('maximum')}
        </Stack>
      )}
    </Stack>
  );
}
