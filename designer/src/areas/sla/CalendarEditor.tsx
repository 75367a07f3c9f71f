import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { EditorSection } from '../../components/definitions/EditorSection';
import { DefinitionToolbar } from '../../components/definitions/DefinitionToolbar';
import { problemAt } from '../../components/definitions/json-pointer';
import { LocalizedTextFields } from '../../components/definitions/LocalizedTextFields';
import { useDefinitionEditor } from '../../components/definitions/useDefinitionEditor';
import { newCalendar, type Calendar } from './calendar-model';
import { HolidaysEditor } from './HolidaysEditor';
import { MonthView } from './MonthView';
import { calendars } from './sla-api';
import { WeekEditor } from './WeekEditor';

const timeZones: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Madrid'];

/** A business calendar: weekly working hours, time zone, public and local holidays, and its month view. */
export function CalendarEditor({ id, onSaved }: { id: string; onSaved(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const editor = useDefinitionEditor<Calendar>(calendars, id, newCalendar, onSaved);
  const { content: calendar, problems } = editor;

  if (editor.loading && editor.content === null) return <LoadingIndicator />;
  if (editor.loadError !== null || calendar === null)
    return <Alert severity="error">{errorMessage(editor.loadError)}</Alert>;

  const change = (next: Calendar) => editor.setContent(() => next);

  return (
    <Box key={editor.generation}>
      <DefinitionToolbar editor={editor} title={t('editors.calendar.title')} />
      <Stack spacing={2}>
        <LocalizedTextFields
          label={t('editors.fields.title')}
          value={calendar.title}
          onChange={(title) => change({ ...calendar, title })}
          path="/title"
          problems={problems}
          testId="calendar-title"
        />
        <Autocomplete
          options={timeZones}
          value={calendar.timeZone ?? 'Europe/Madrid'}
          disableClearable
          onChange={(_e, timeZone) => change({ ...calendar, timeZone })}
          renderInput={(params) => (
            <TextField
              {...params}
              size="small"
              label={t('editors.calendar.timeZone')}
              error={problemAt(problems, '/timeZone') !== undefined}
              helperText={problemAt(problems, '/timeZone')}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, 'data-pointer': '/timeZone' },
              }}
            />
          )}
          sx={{ maxWidth: 360 }}
        />
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
            alignItems: 'start',
          }}
        >
          <EditorSection title={t('editors.calendar.week')}>
            <WeekEditor calendar={calendar} onChange={change} problems={problems} />
          </EditorSection>
          <EditorSection title={t('editors.calendar.month')}>
            <MonthView id={id} calendar={calendar} />
          </EditorSection>
        </Box>
        <EditorSection title={t('editors.calendar.holidays')}>
          <HolidaysEditor calendar={calendar} onChange={change} problems={problems} />
        </EditorSection>
      </Stack>
    </Box>
  );
}
