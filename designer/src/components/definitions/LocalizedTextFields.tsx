import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { problemAt, type FieldProblem } from './json-pointer';
import type { LocalizedText } from './localized-text';

const languages = ['ca', 'es', 'en'] as const;

interface LocalizedTextFieldsProps {
  label: string;
  value: LocalizedText | undefined;
  onChange(value: LocalizedText): void;
  /** JSON pointer of the value, to show the server's problems under each language. */
  path: string;
  problems: readonly FieldProblem[];
  testId?: string;
}

/** One text input per language (ca, es, en), for titles and labels. */
export function LocalizedTextFields({
  label,
  value,
  onChange,
  path,
  problems,
  testId,
}: LocalizedTextFieldsProps) {
  const { t } = useTranslation();
  const current: LocalizedText = { ca: '', es: '', en: '', ...value };
  return (
    <Stack direction="row" useFlexGap spacing={1} data-pointer={path} sx={{ flexWrap: 'wrap' }}>
      {languages.map((language) => {
        const error = problemAt(problems, `${path}/${language}`) ?? problemAt(problems, path);
        return (
          <TextField
            key={language}
            size="small"
            sx={{ flex: '1 1 220px' }}
            label={`${label} (${t(`editors.languages.${language}`)})`}
            value={current[language]}
            error={error !== undefined}
            helperText={error}
            onChange={(event) => onChange({ ...current, [language]: event.target.value })}
            slotProps={{
              htmlInput: {
                'data-pointer': `${path}/${language}`,
                'data-testid': testId && `${testId}-${language}`,
              },
            }}
          />
        );
      })}
    </Stack>
  );
}
