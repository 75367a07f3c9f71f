import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { selectTestId } from '../../components/definitions/select-test-id';
import { durationUnits, toFriendly, toIso, type DurationUnit } from './business-duration';

interface DurationInputProps {
  value: string | undefined;
  onChange(iso: string | undefined): void;
  label: string;
  error?: string;
  pointer: string;
  testId: string;
}

/** A business duration as an amount and a unit (minutes, hours, working days); empty means no target. */
export function DurationInput({ value, onChange, label, error, pointer, testId }: DurationInputProps) {
  const { t } = useTranslation();
  const friendly = value === undefined ? undefined : toFriendly(value);
  if (value !== undefined && friendly === undefined) {
    return (
      <TextField
        size="small"
        label={label}
        value={value}
        error
        helperText={error ?? t('editors.sla.isoHelp')}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        slotProps={{ htmlInput: { 'data-pointer': pointer, 'data-testid': testId } }}
      />
    );
  }
  const unit: DurationUnit = friendly?.unit ?? 'hours';
  return (
    <Stack direction="row" spacing={0.5} data-pointer={pointer}>
      <TextField
        size="small"
        type="number"
        label={label}
        value={friendly?.amount ?? ''}
        error={error !== undefined}
        helperText={error ?? value ?? t('editors.sla.noTarget')}
        onChange={(e) =>
          onChange(e.target.value === '' ? undefined : toIso({ amount: Number(e.target.value), unit }))
        }
        sx={{ width: 96 }}
        slotProps={{ htmlInput: { min: 0, 'data-testid': testId } }}
      />
      <TextField
        select
        size="small"
        label={t('editors.sla.unit')}
        value={unit}
        onChange={(e) =>
          onChange(toIso({ amount: friendly?.amount ?? 1, unit: e.target.value as DurationUnit }))
        }
        sx={{ width: 130 }}
        slotProps={{ select: selectTestId(`${testId}-unit`) }}
      >
        {durationUnits.map((option) => (
          <MenuItem key={option} value={option}>
            {t(`editors.sla.units.${option}`)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
