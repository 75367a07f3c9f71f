import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ChipsInput } from '../ChipsInput';
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
      <ChipsInput
        label={label}
        value={items}
        onChange={(next) => onChange(type === 'number' ? next.map(Number).filter(Number.isFinite) : next)}
        options={options}
        strict={options !== undefined}
        error={error}
        placeholder={options ? undefined : t('editors.conditions.listHint')}
        pointer={pointer}
        testId={testId}
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
