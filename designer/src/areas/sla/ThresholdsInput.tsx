import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { toFraction, toPercent } from './business-duration';

interface ThresholdsInputProps {
  value: number[] | undefined;
  onChange(value: number[]): void;
  error?: string;
}

/** Warning thresholds as percentages of the target (50 %, 75 %), kept sorted and between 1 and 99. */
export function ThresholdsInput({ value, onChange, error }: ThresholdsInputProps) {
  const { t } = useTranslation();
  const percents = (value ?? []).map((fraction) => String(toPercent(fraction)));
  return (
    <Autocomplete
      multiple
      freeSolo
      options={['50', '75', '90']}
      value={percents}
      onChange={(_e, next) => {
        const numbers = next
          .map((text) => Number(String(text).replace('%', '').trim()))
          .filter((n) => Number.isFinite(n) && n > 0 && n < 100);
        onChange([...new Set(numbers)].sort((a, b) => a - b).map(toFraction));
      }}
      renderValue={(selected, getItemProps) =>
        selected.map((item, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={`${item} %`} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={t('editors.sla.thresholds')}
          error={error !== undefined}
          helperText={error ?? t('editors.sla.thresholdsHelp')}
          slotProps={{
            ...params.slotProps,
            htmlInput: {
              ...params.slotProps.htmlInput,
              'data-pointer': '/warningThresholds',
              'data-testid': 'policy-thresholds',
            },
          }}
        />
      )}
    />
  );
}
