import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import type { Variable } from '../instance-api';

export function VariableTable({ variables }: { variables: Variable[] }) {
  const { t } = useTranslation();
  if (variables.length === 0)
    return <Typography color="text.secondary">{t('instances.view.noVariables')}</Typography>;
  return (
    <DataTable
      framed={false}
      label={t('instances.view.variablesLabel')}
      testId="variables-table"
      rows={variables}
      rowKey={(v) => v.variableKey}
      rowTestId={(v) => `variable-${v.name}`}
      columns={[
        { header: t('instances.view.variableName'), cell: (v) => v.name },
        {
          header: t('instances.view.variableValue'),
          cell: (v) => v.value,
          sx: { fontFamily: 'monospace', wordBreak: 'break-all' },
        },
        { header: t('instances.view.variableScope'), cell: (v) => v.scopeKey },
      ]}
    />
  );
}
