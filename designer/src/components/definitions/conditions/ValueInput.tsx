import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { selectTestId } from '../select-test-id';
import type { FactType } from './operators';

interface ValueInputProps {
  type: FactType;
  list: boolean;
  options?: readonly string[];
  value: unknown;
  onChange(value: unknown): void;
  error?: string;
  pointer: string;
  testId: string;
}

/** The value of a condition, with an input fitting its type: a choice, a number, yes/no, text or a list. */
export function ValueInput({
  type,
  list,
  options,
  value,
  onChange,
  error,
  pointer,
  testId,
}: ValueInputProps) {
  const { t } = useTranslation();
  const label = t('editors.conditions.value');
  const common = {
    size: 'small' as const,
    label,
    error: error !== undefined,
    helperText: error,
    sx: { minWidth: 160, flex: 1 },
  };
  const htmlInput = { 'data-pointer': pointer, 'data-testid': testId };

  if (type === 'boolean') {
    return (
      <TextField
        select
        {...common}
        value={value === true ? 'true' : 'false'}
        onChange={(e) => onChange(e.target.value === 'true')}
        slotProps={{ htmlInput: { 'data-pointer': pointer }, select: selectTestId(testId) }}
      >
        <MenuItem value="true">{t('editors.conditions.true')}</MenuItem>
        <MenuItem value="false">{t('editors.conditions.false')}</MenuItem>
      </TextField>
    );
  }
  if (list) {
    const items = (Array.isArray(value) ? value : []).map(String);
    return (
      <Autocomplete
        multiple
        freeSolo={!options}
        options={[...(options ?? [])]}
        value={items}
        onChange={(_e, next) => onChange(type === 'number' ? next.map(Number).filter(Number.isFinite) : next)}
        renderValue={(selected, getItemProps) =>
          selected.map((item, index) => {
            const { key, ...itemProps } = getItemProps({ index });
            return <Chip key={key} size="small" label={item} {...itemProps} />;
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            {...common}
            placeholder={options ? undefined : t('editors.conditions.listHint')}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, ...htmlInput } }}
          />
        )}
        sx={{ minWidth: 200, flex: 1 }}
      />
    );
  }
  if (options && type === 'string') {
    return (
      <TextField
        select
        {...common}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        slotProps={{ htmlInput: { 'data-pointer': pointer }, select: selectTestId(testId) }}
      >
        {options.map((option) => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      {...common}
      type={type === 'number' ? 'number' : 'text'}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) =>
        onChange(type === 'number' ? (e.target.value === '' ? 0 : Number(e.target.value)) : e.target.value)
      }
      slotProps={{ htmlInput }}
    />
  );
}
