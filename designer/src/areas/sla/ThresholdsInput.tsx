import { useTranslation } from 'react-i18next';
import { ChipsInput } from '../../components/definitions/ChipsInput';
import { toFraction, toPercent } from './business-duration';

interface ThresholdsInputProps {
  value: number[] | undefined;
  onChange(value: number[]): void;
  error?: string;
}

/** Warning thresholds as percentages of the target (50 %, 75 %), kept sorted and between 1 and 99. */
export function ThresholdsInput({ value, onChange, error }: ThresholdsInputProps) {
  const { t } = useTranslation();
  return (
    <ChipsInput
      label={t('editors.sla.thresholds')}
      value={(value ?? []).map((fraction) => String(toPercent(fraction)))}
      onChange={(next) => {
        const numbers = next
          .map((text) => Number(text.replace('%', '').trim()))
          .filter((n) => Number.isFinite(n) && n > 0 && n < 100);
        onChange([...new Set(numbers)].sort((a, b) => a - b).map(toFraction));
      }}
      options={['50', '75', '90']}
      format={(item) => `${item} %`}
      error={error}
      helperText={t('editors.sla.thresholdsHelp')}
      pointer="/warningThresholds"
      testId="policy-thresholds"
    />
  );
}
