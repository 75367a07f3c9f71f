import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import type { HistoryEntry } from '../instance-api';

export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      framed={false}
      label={t('instances.view.historyLabel')}
      testId="history-table"
      rows={history}
      rowKey={(entry) => entry.id}
      columns={[
        {
          header: t('instances.view.historyAt'),
          cell: (e) => new Date(e.at).toLocaleString(i18n.resolvedLanguage),
        },
        { header: t('instances.view.historyEvent'), cell: (e) => e.event },
        { header: t('instances.view.historyElement'), cell: (e) => e.elementId ?? '—' },
        { header: t('instances.view.historyActor'), cell: (e) => e.actor },
      ]}
    />
  );
}
