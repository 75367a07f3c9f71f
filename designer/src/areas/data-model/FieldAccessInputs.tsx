import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { selectTestId } from '../../components/definitions/select-test-id';
import { roleNames, type FieldModel, type RoleName } from './entity-schema';
import type { FieldInputsProps } from './FieldValidationInputs';

const optionalNumber = (text: string) => (text === '' ? undefined : Number(text));

/** Indexing, uniqueness, who may read and write, masking, personal data, and links to other types. */
export function FieldAccessInputs({
  field,
  onChange,
  problem,
  typeNames,
}: FieldInputsProps & { typeNames: readonly string[] }) {
  const { t } = useTranslation();
  const scalar = field.type !== 'array' && field.type !== 'object';
  const roles = (key: 'readRoles' | 'writeRoles') => (
    <TextField
      select
      size="small"
      sx={{ flex: '1 1 220px' }}
      label={t(`editors.dataModel.field.${key}`)}
      value={field[key] ?? []}
      error={problem(key === 'readRoles' ? 'x-read-roles' : 'x-write-roles') !== undefined}
      helperText={
        problem(key === 'readRoles' ? 'x-read-roles' : 'x-write-roles') ??
        t('editors.dataModel.field.rolesHelp')
      }
      onChange={(e) => {
        const value = e.target.value as unknown as RoleName[];
        onChange({ ...field, [key]: value.length > 0 ? value : undefined });
      }}
      slotProps={{ select: { multiple: true } }}
    >
      {roleNames.map((role) => (
        <MenuItem key={role} value={role}>
          {t(`roles.${role}`)}
        </MenuItem>
      ))}
    </TextField>
  );
  const mask = (key: 'showFirst' | 'showLast') => (
    <TextField
      size="small"
      type="number"
      label={t(`editors.dataModel.field.${key}`)}
      value={field.mask?.[key] ?? ''}
      onChange={(e) => {
        const next = { ...field.mask, [key]: optionalNumber(e.target.value) };
        const empty = next.showFirst === undefined && next.showLast === undefined;
        onChange({ ...field, mask: empty ? undefined : next });
      }}
      slotProps={{ htmlInput: { min: 0, max: 8 } }}
      sx={{ flex: 1 }}
    />
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          sx={{ flex: '1 1 220px' }}
          label={t('editors.dataModel.field.index')}
          value={field.index ?? ''}
          error={problem('x-index') !== undefined}
          helperText={problem('x-index') ?? t('editors.dataModel.field.indexHelp')}
          onChange={(e) =>
            onChange({ ...field, index: (e.target.value || undefined) as FieldModel['index'] })
          }
          slotProps={{ select: selectTestId('field-index') }}
        >
          <MenuItem value="">{t('editors.dataModel.field.noIndex')}</MenuItem>
          <MenuItem value="btree">{t('editors.dataModel.field.btree')}</MenuItem>
          <MenuItem value="trigram">{t('editors.dataModel.field.trigram')}</MenuItem>
        </TextField>
        <FormGroup sx={{ minWidth: 200 }}>
          <FormControlLabel
            control={
              <Checkbox
                checked={field.unique}
                disabled={!scalar}
                onChange={(e) => onChange({ ...field, unique: e.target.checked })}
              />
            }
            label={t('editors.dataModel.field.unique')}
          />
          <FormControlLabel
            control={
              <Checkbox checked={field.pii} onChange={(e) => onChange({ ...field, pii: e.target.checked })} />
            }
            label={t('editors.dataModel.field.pii')}
          />
          {problem('x-unique') && (
            <Typography color="error" variant="caption">
              {problem('x-unique')}
            </Typography>
          )}
        </FormGroup>
      </Stack>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        {roles('readRoles')}
        {roles('writeRoles')}
      </Stack>
      <div>
        <Typography variant="subtitle2">{t('editors.dataModel.field.mask')}</Typography>
        <Typography variant="caption" color="text.secondary">
          {t('editors.dataModel.field.maskHelp')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          {mask('showFirst')}
          {mask('showLast')}
        </Stack>
      </div>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          sx={{ flex: '1 1 220px' }}
          label={t('editors.dataModel.field.relation')}
          value={field.relation?.target ?? ''}
          error={problem('x-relation') !== undefined}
          helperText={problem('x-relation') ?? t('editors.dataModel.field.relationHelp')}
          onChange={(e) =>
            onChange({
              ...field,
              relation: e.target.value
                ? { target: e.target.value, cardinality: field.relation?.cardinality ?? 'one' }
                : undefined,
            })
          }
        >
          <MenuItem value="">{t('editors.dataModel.field.noRelation')}</MenuItem>
          {typeNames.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
        {field.relation && (
          <TextField
            select
            size="small"
            label={t('editors.dataModel.field.cardinality')}
            value={field.relation.cardinality}
            onChange={(e) =>
              onChange({
                ...field,
                relation: { target: field.relation!.target, cardinality: e.target.value as 'one' | 'many' },
              })
            }
            sx={{ minWidth: 160 }}
          >
            <MenuItem value="one">{t('editors.dataModel.field.one')}</MenuItem>
            <MenuItem value="many">{t('editors.dataModel.field.many')}</MenuItem>
          </TextField>
        )}
      </Stack>
    </Stack>
  );
}
