import AddOutlined from '@mui/icons-material/AddOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pointer, problemAt, type FieldProblem } from '../../components/definitions/json-pointer';
import { DurationInput } from './DurationInput';
import {
  addMetric,
  metricNamePattern,
  priorities,
  removeMetric,
  setTarget,
  type SlaPolicy,
} from './sla-policy-model';
import { RemoveButton } from '../../components/definitions/RowButtons';

interface TargetsTableProps {
  policy: SlaPolicy;
  onChange(policy: SlaPolicy): void;
  problems: readonly FieldProblem[];
}

/** One row per metric (first response, resolution, custom ones), one column per priority. */
export function TargetsTable({ policy, onChange, problems }: TargetsTableProps) {
  const { t } = useTranslation();
  const [newMetric, setNewMetric] = useState('');
  const invalid =
    newMetric !== '' && (!metricNamePattern.test(newMetric) || policy.metrics[newMetric] !== undefined);
  const metricLabel = (metric: string) =>
    metric === 'first_response' || metric === 'resolution' ? t(`editors.sla.metrics.${metric}`) : metric;

  return (
    <Stack spacing={1}>
      <TableContainer>
        <Table size="small" aria-label={t('editors.sla.targets')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('editors.sla.metric')}</TableCell>
              {priorities.map((priority) => (
                <TableCell key={priority}>{t(`editors.sla.priorities.${priority}`)}</TableCell>
              ))}
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {Object.entries(policy.metrics).map(([metric, targets]) => (
              <TableRow key={metric} data-testid={`metric-${metric}`}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {metricLabel(metric)}
                </TableCell>
                {priorities.map((priority) => {
                  const at = pointer('metrics', metric, priority);
                  return (
                    <TableCell key={priority} sx={{ minWidth: 240 }}>
                      <DurationInput
                        label={t(`editors.sla.priorities.${priority}`)}
                        value={targets[priority]}
                        onChange={(iso) => onChange(setTarget(policy, metric, priority, iso))}
                        error={problemAt(problems, at)}
                        pointer={at}
                        testId={`target-${metric}-${priority}`}
                      />
                    </TableCell>
                  );
                })}
                <TableCell>
                  <RemoveButton
                    label={t('editors.sla.removeMetric', { metric: metricLabel(metric) })}
                    onClick={() => onChange(removeMetric(policy, metric))}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {problemAt(problems, '/metrics') && <span role="alert">{problemAt(problems, '/metrics')}</span>}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label={t('editors.sla.newMetric')}
          value={newMetric}
          error={invalid}
          helperText={t('editors.sla.newMetricHelp')}
          onChange={(e) => setNewMetric(e.target.value.trim())}
        />
        <Button
          startIcon={<AddOutlined />}
          disabled={newMetric === '' || invalid}
          onClick={() => {
            onChange(addMetric(policy, newMetric));
            setNewMetric('');
          }}
        >
          {t('editors.sla.addMetric')}
        </Button>
      </Stack>
    </Stack>
  );
}
