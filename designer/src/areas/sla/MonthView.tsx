import ChevronLeftOutlined from '@mui/icons-material/ChevronLeftOutlined';
import ChevronRightOutlined from '@mui/icons-material/ChevronRightOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useErrorMessage } from '../../api/useErrorMessage';
import { daysInMonth, isoDate, monthGrid, shiftMonth, weekdays, type Calendar } from './calendar-model';

interface CalendarDay {
  date: string;
  working: boolean;
  intervals: { from: string; to: string }[];
  holiday?: string;
}

/** A month of the calendar being edited, working and non-working days as the server computes them. */
export function MonthView({ id, calendar }: { id: string; calendar: Calendar }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const today = new Date();
  const [{ year, month }, setMonth] = useState({ year: today.getFullYear(), month: today.getMonth() + 1 });
  const [days, setDays] = useState<Map<string, CalendarDay>>(new Map());
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      const body = {
        calendar,
        from: isoDate(year, month, 1),
        to: isoDate(year, month, daysInMonth(year, month)),
      };
      api
        .post<{ days: CalendarDay[] }>(`/api/v1/calendars/${encodeURIComponent(id)}/days/preview`, body)
        .then(
          (result) => {
            if (!current) return;
            setDays(new Map(result.days.map((day) => [day.date, day])));
            setError(null);
          },
          (failure: unknown) => current && setError(failure),
        );
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [id, calendar, year, month]);

  const title = new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString(i18n.language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const move = (by: number) => setMonth(shiftMonth(year, month, by));

  return (
    <Box data-testid="month-view">
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <IconButton
          aria-label={t('editors.calendar.previousMonth')}
          onClick={() => move(-1)}
          data-testid="month-previous"
        >
          <ChevronLeftOutlined />
        </IconButton>
        <Typography
          component="h4"
          variant="subtitle1"
          sx={{ minWidth: 180, textAlign: 'center', textTransform: 'capitalize' }}
          aria-live="polite"
          data-testid="month-title"
        >
          {title}
        </Typography>
        <IconButton
          aria-label={t('editors.calendar.nextMonth')}
          onClick={() => move(1)}
          data-testid="month-next"
        >
          <ChevronRightOutlined />
        </IconButton>
      </Stack>
      {error !== null && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('editors.calendar.previewFailed', { detail: errorMessage(error) })}
        </Alert>
      )}
      <Box
        component="table"
        sx={{ borderCollapse: 'separate', borderSpacing: 4, width: '100%', tableLayout: 'fixed' }}
        aria-label={title}
      >
        <thead>
          <tr>
            {weekdays.map((day) => (
              <Box component="th" key={day} scope="col" sx={{ fontSize: '0.8rem', color: 'text.secondary' }}>
                {t(`editors.calendar.short.${day}`)}
              </Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week, row) => (
            <tr key={row}>
              {week.map((date, column) => {
                const info = date ? days.get(date) : undefined;
                const label = info
                  ? (info.holiday ??
                    (info.working
                      ? info.intervals.map((i) => `${i.from}–${i.to}`).join(', ')
                      : t('editors.calendar.closed')))
                  : '';
                return (
                  <Box
                    component="td"
                    key={column}
                    data-date={date ?? undefined}
                    data-working={info ? String(info.working) : undefined}
                    title={label}
                    sx={{
                      height: 56,
                      verticalAlign: 'top',
                      p: 0.5,
                      borderRadius: 1,
                      bgcolor: !date
                        ? 'transparent'
                        : info?.holiday
                          ? 'warning.light'
                          : info?.working
                            ? 'success.light'
                            : 'action.hover',
                      color: info?.holiday || info?.working ? 'common.black' : 'text.primary',
                    }}
                  >
                    {date && (
                      <>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {Number(date.slice(8))}
                        </Typography>
                        <Typography
                          variant="caption"
                          sx={{
                            display: 'block',
                            overflow: 'hidden',
                            textOverflow: 'ellipsis',
                            whiteSpace: 'nowrap',
                          }}
                        >
                          {label}
                        </Typography>
                      </>
                    )}
                  </Box>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
      <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }}>
        {(['working', 'holiday', 'closed'] as const).map((kind) => (
          <Stack key={kind} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Box
              sx={{
                width: 14,
                height: 14,
                borderRadius: 0.5,
                bgcolor:
                  kind === 'working'
                    ? 'success.light'
                    : kind === 'holiday'
                      ? 'warning.light'
                      : 'action.hover',
              }}
            />
            <Typography variant="caption">{t(`editors.calendar.legend.${kind}`)}</Typography>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
