import { createTheme, type Theme } from '@mui/material/styles';
import { caES, enUS, esES } from '@mui/material/locale';
import type { Language } from '../i18n/languages';

const componentLocales = { ca: caES, es: esES, en: enUS };

/** Calm institutional palette: a deep teal-blue with neutral greys. */
export function createAppTheme(language: Language): Theme {
  return createTheme(
    {
      palette: {
        primary: { main: '#145a73', light: '#4a879f', dark: '#0b3d50', contrastText: '#ffffff' },
        secondary: { main: '#52666f' },
        background: { default: '#f4f6f8', paper: '#ffffff' },
        text: { primary: '#1c2b33', secondary: '#4f5f67' },
      },
      shape: { borderRadius: 8 },
      typography: {
        fontFamily: '"Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
        h1: { fontSize: '1.75rem', fontWeight: 600 },
        h2: { fontSize: '1.375rem', fontWeight: 600 },
        button: { textTransform: 'none', fontWeight: 600 },
      },
      components: {
        MuiAppBar: { defaultProps: { elevation: 0 } },
        MuiCard: { defaultProps: { variant: 'outlined' } },
        MuiPaper: { defaultProps: { variant: 'outlined' } },
        MuiListItemButton: {
          styleOverrides: {
            root: ({ theme }) => ({
              borderRadius: theme.shape.borderRadius,
              margin: theme.spacing(0.25, 1),
              '&.Mui-selected': { color: theme.palette.primary.dark, fontWeight: 600 },
              '&.Mui-selected .MuiListItemIcon-root': { color: theme.palette.primary.main },
            }),
          },
        },
      },
    },
    componentLocales[language],
  );
}
