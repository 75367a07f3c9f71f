import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ConditionBuilder } from '../../components/definitions/conditions/ConditionBuilder';
import type { KnownFact } from '../../components/definitions/conditions/fact-catalogue';
import {
  pointer,
  problemAt,
  problemsUnder,
  type FieldProblem,
} from '../../components/definitions/json-pointer';
import { EventEditor } from './EventEditor';
import type { Rule } from './rule-set-model';

interface RuleCardProps {
  rule: Rule;
  index: number;
  count: number;
  onChange(rule: Rule): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  facts: readonly KnownFact[];
  problems: readonly FieldProblem[];
}

/** One rule: its name and priority, the conditions that make it fire, and the event it produces. */
export function RuleCard({ rule, index, count, onChange, onMove, onRemove, facts, problems }: RuleCardProps) {
  const { t } = useTranslation();
  const at = pointer('rules', index);
  const testId = `rule-${index}`;
  const nameError = problemAt(problems, `${at}/name`);
  const priorityError = problemAt(problems, `${at}/priority`);
  const hasProblems = problemsUnder(problems, at).length > 0;

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-label={t('editors.rules.ruleLabel', { name: rule.name })}
      data-pointer={at}
      data-testid={testId}
      sx={{ p: 2, borderColor: hasProblems ? 'error.main' : undefined }}
    >
      <Stack
        direction="row"
        useFlexGap
        spacing={1}
        sx={{ flexWrap: 'wrap', alignItems: { sm: 'flex-start' }, mb: 2 }}
      >
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, pt: 1, minWidth: 32 }}>
          {index + 1}.
        </Typography>
        <TextField
          size="small"
          label={t('editors.rules.name')}
          value={rule.name}
          required
          error={nameError !== undefined}
          helperText={nameError}
          onChange={(e) => onChange({ ...rule, name: e.target.value })}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { 'data-pointer': `${at}/name`, 'data-testid': `${testId}-name` } }}
        />
        <TextField
          size="small"
          type="number"
          label={t('editors.rules.priority')}
          value={rule.priority ?? ''}
          error={priorityError !== undefined}
          helperText={priorityError ?? t('editors.rules.priorityHelp')}
          onChange={(e) => {
            const { priority: _old, ...rest } = rule;
            onChange(e.target.value === '' ? rest : { ...rest, priority: Number(e.target.value) });
          }}
          sx={{ width: { sm: 160 } }}
          slotProps={{
            htmlInput: { min: 1, 'data-pointer': `${at}/priority`, 'data-testid': `${testId}-priority` },
          }}
        />
        <Stack direction="row">
          <IconButton
            aria-label={t('editors.conditions.moveUp')}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <ArrowUpwardOutlined />
          </IconButton>
          <IconButton
            aria-label={t('editors.conditions.moveDown')}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <ArrowDownwardOutlined />
          </IconButton>
          <IconButton
            aria-label={t('editors.rules.removeRule')}
            onClick={onRemove}
            data-testid={`${testId}-remove`}
          >
            <DeleteOutlined />
          </IconButton>
        </Stack>
      </Stack>
      <Typography variant="subtitle2" component="h4" sx={{ mb: 1 }}>
        {t('editors.rules.conditions')}
      </Typography>
      <ConditionBuilder
        value={rule.conditions}
        onChange={(conditions) => onChange({ ...rule, conditions })}
        facts={facts}
        pointer={`${at}/conditions`}
        problems={problems}
        testId={`${testId}-conditions`}
      />
      <Box sx={{ mt: 2 }}>
        <EventEditor
          event={rule.event}
          onChange={(event) => onChange({ ...rule, event })}
          pointer={`${at}/event`}
          problems={problems}
          testId={`${testId}-event`}
        />
      </Box>
    </Paper>
  );
}
