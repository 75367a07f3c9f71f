import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { pointer, problemAt, type FieldProblem } from '../../components/definitions/json-pointer';
import type { Calendar } from './calendar-model';
import { AddButton, RemoveButton } from '../../components/definitions/RowButtons';

interface HolidaysEditorProps {
  calendar: Calendar;
  onChange(calendar: Calendar): void;
  problems: readonly FieldProblem[];
}

/** Public holidays of a country and region (date-holidays codes) and the calendar's own local holidays. */
export function HolidaysEditor({ calendar, onChange, problems }: HolidaysEditorProps) {
  const { t } = useTranslation();
  const regional = calendar.holidays ?? null;
  const local = calendar.localHolidays ?? [];
  const setLocal = (next: typeof local) => onChange({ ...calendar, localHolidays: next });
  const today = new Date().toISOString().slice(0, 10);

  return (
    <Stack spacing={2}>
      <Stack
        direction="row"
        useFlexGap
        spacing={1}
        sx={{ flexWrap: 'wrap', alignItems: { sm: 'flex-start' } }}
      >
        <FormControlLabel
          control={
            <Switch
              checked={regional !== null}
              onChange={(e) =>
                onChange({ ...calendar, holidays: e.target.checked ? { country: 'ES', region: 'CT' } : null })
              }
            />
          }
          label={t('editors.calendar.publicHolidays')}
        />
        {regional && (
          <>
            <TextField
              size="small"
              label={t('editors.calendar.country')}
              value={regional.country}
              error={problemAt(problems, '/holidays/country') !== undefined}
              helperText={problemAt(problems, '/holidays/country') ?? t('editors.calendar.countryHelp')}
              onChange={(e) =>
                onChange({ ...calendar, holidays: { ...regional, country: e.target.value.toUpperCase() } })
              }
              slotProps={{ htmlInput: { maxLength: 2, 'data-pointer': '/holidays/country' } }}
            />
            <TextField
              size="small"
              label={t('editors.calendar.region')}
              value={regional.region ?? ''}
              error={problemAt(problems, '/holidays/region') !== undefined}
              helperText={problemAt(problems, '/holidays/region') ?? t('editors.calendar.regionHelp')}
              onChange={(e) => {
                const region = e.target.value.toUpperCase();
                onChange({
                  ...calendar,
                  holidays: region ? { ...regional, region } : { country: regional.country },
                });
              }}
              slotProps={{
                htmlInput: { 'data-pointer': '/holidays/region', 'data-testid': 'calendar-region' },
              }}
            />
          </>
        )}
      </Stack>
      <Typography variant="subtitle2" component="h4">
        {t('editors.calendar.localHolidays')}
      </Typography>
      {local.map((holiday, index) => {
        const at = pointer('localHolidays', index);
        return (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-pointer={at}>
            <TextField
              size="small"
              type="date"
              label={t('editors.calendar.date')}
              value={holiday.date}
              error={problemAt(problems, `${at}/date`) !== undefined}
              helperText={problemAt(problems, `${at}/date`)}
              onChange={(e) =>
                setLocal(local.map((h, i) => (i === index ? { ...h, date: e.target.value } : h)))
              }
              slotProps={{
                inputLabel: { shrink: true },
                htmlInput: { 'data-pointer': `${at}/date`, 'data-testid': `local-holiday-${index}-date` },
              }}
            />
            <TextField
              size="small"
              fullWidth
              label={t('editors.calendar.holidayName')}
              value={holiday.name}
              error={problemAt(problems, `${at}/name`) !== undefined}
              helperText={problemAt(problems, `${at}/name`)}
              onChange={(e) =>
                setLocal(local.map((h, i) => (i === index ? { ...h, name: e.target.value } : h)))
              }
              slotProps={{
                htmlInput: { 'data-pointer': `${at}/name`, 'data-testid': `local-holiday-${index}-name` },
              }}
            />
            <RemoveButton
              label={t('editors.calendar.removeHoliday')}
              onClick={() => setLocal(local.filter((_h, i) => i !== index))}
            />
          </Stack>
        );
      })}
      <div>
        <AddButton
          label={t('editors.calendar.addHoliday')}
          onClick={() => setLocal([...local, { date: today, name: '' }])}
          testId="add-local-holiday"
        />
      </div>
    </Stack>
  );
}
