import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../instance-api';

export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table size="small" aria-label={t('instances.view.historyLabel')} data-testid="history-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('instances.view.historyAt')}</TableCell>
          <TableCell>{t('instances.view.historyEvent')}</TableCell>
          <TableCell>{t('instances.view.historyElement')}</TableCell>
          <TableCell>{t('instances.view.historyActor')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {history.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell>{new Date(entry.at).toLocaleString(i18n.resolvedLanguage)}</TableCell>
            <TableCell>{entry.event}</TableCell>
            <TableCell>{entry.elementId ?? '—'}</TableCell>
            <TableCell>{entry.actor}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
