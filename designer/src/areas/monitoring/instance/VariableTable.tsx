import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Variable } from '../instance-api';

export function VariableTable({ variables }: { variables: Variable[] }) {
  const { t } = useTranslation();
  if (variables.length === 0)
    return <Typography color="text.secondary">{t('instances.view.noVariables')}</Typography>;
  return (
    <Table size="small" aria-label={t('instances.view.variablesLabel')} data-testid="variables-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('instances.view.variableName')}</TableCell>
          <TableCell>{t('instances.view.variableValue')}</TableCell>
          <TableCell>{t('instances.view.variableScope')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {variables.map((v) => (
          <TableRow key={v.variableKey} data-testid={`variable-${v.name}`}>
            <TableCell>{v.name}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{v.value}</TableCell>
            <TableCell>{v.scopeKey}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
