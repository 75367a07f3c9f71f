import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { pointer, problemAt, type FieldProblem } from '../../components/definitions/json-pointer';
import {
  copyToWeekdays,
  nextInterval,
  setDay,
  weekdays,
  type Calendar,
  type WorkingInterval,
} from './calendar-model';
import { AddButton, RemoveButton } from '../../components/definitions/RowButtons';

interface WeekEditorProps {
  calendar: Calendar;
  onChange(calendar: Calendar): void;
  problems: readonly FieldProblem[];
}

/** Working intervals per weekday, each added, changed or removed on its own. */
export function WeekEditor({ calendar, onChange, problems }: WeekEditorProps) {
  const { t } = useTranslation();
  const update = (day: (typeof weekdays)[number], intervals: WorkingInterval[]) =>
    onChange(setDay(calendar, day, intervals));

  return (
    <Stack spacing={1.5}>
      {weekdays.map((day) => {
        const intervals = calendar.week[day] ?? [];
        const dayPointer = pointer('week', day);
        return (
          <Stack
            key={day}
            direction="row"
            useFlexGap
            spacing={1}
            sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
            data-pointer={dayPointer}
            data-testid={`week-${day}`}
          >
            <Typography sx={{ width: 110, pt: 1, fontWeight: 600 }}>
              {t(`editors.calendar.days.${day}`)}
            </Typography>
            <Stack spacing={1} sx={{ flex: '1 1 340px' }}>
              {intervals.length === 0 && (
                <Typography color="text.secondary" sx={{ pt: 1 }}>
                  {t('editors.calendar.closed')}
                </Typography>
              )}
              {intervals.map((interval, index) => {
                const at = `${dayPointer}/${index}`;
                const error =
                  problemAt(problems, at) ??
                  problemAt(problems, `${at}/from`) ??
                  problemAt(problems, `${at}/to`);
                return (
                  <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                    {(['from', 'to'] as const).map((end) => (
                      <TextField
                        key={end}
                        size="small"
                        type="time"
                        label={t(`editors.calendar.${end}`)}
                        value={interval[end]}
                        error={error !== undefined}
                        helperText={end === 'to' ? error : undefined}
                        onChange={(e) =>
                          update(
                            day,
                            intervals.map((i, n) => (n === index ? { ...i, [end]: e.target.value } : i)),
                          )
                        }
                        sx={{ width: 140 }}
                        slotProps={{
                          inputLabel: { shrink: true },
                          htmlInput: {
                            step: 300,
                            'data-pointer': `${at}/${end}`,
                            'data-testid': `week-${day}-${index}-${end}`,
                          },
                        }}
                      />
                    ))}
                    <RemoveButton
                      label={t('editors.calendar.removeInterval')}
                      onClick={() =>
                        update(
                          day,
                          intervals.filter((_i, n) => n !== index),
                        )
                      }
                    />
                  </Stack>
                );
              })}
              {problemAt(problems, dayPointer) && (
                <Typography color="error" variant="body2">
                  {problemAt(problems, dayPointer)}
                </Typography>
              )}
            </Stack>
            <Stack direction="row">
              <AddButton
                label={t('editors.calendar.addInterval')}
                onClick={() => update(day, [...intervals, nextInterval(intervals)])}
                testId={`week-${day}-add`}
              />
              <Tooltip title={t('editors.calendar.copyToWeekdays')}>
                <IconButton
                  aria-label={t('editors.calendar.copyToWeekdays')}
                  onClick={() => onChange(copyToWeekdays(calendar, day))}
                >
                  <ContentCopyOutlined fontSize="small" />
                </IconButton>
              </Tooltip>
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}
