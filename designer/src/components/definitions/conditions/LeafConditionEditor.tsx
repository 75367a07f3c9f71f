import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { problemAt, type FieldProblem } from '../json-pointer';
import { selectTestId } from '../select-test-id';
import type { LeafCondition } from './condition-tree';
import { fieldOfPath, jsonPathOf, type KnownFact } from './fact-catalogue';
import {
  coerceValue,
  factTypes,
  operatorFor,
  operatorsByType,
  takesList,
  typeOfValue,
  type FactType,
} from './operators';
import { ValueInput } from './ValueInput';

interface LeafConditionEditorProps {
  condition: LeafCondition;
  onChange(condition: LeafCondition): void;
  facts: readonly KnownFact[];
  pointer: string;
  problems: readonly FieldProblem[];
  testId: string;
}

/** One comparison: fact, field inside it, operator for the field's type, and a typed value. */
export function LeafConditionEditor({
  condition,
  onChange,
  facts,
  pointer,
  problems,
  testId,
}: LeafConditionEditorProps) {
  const { t } = useTranslation();
  const known = facts.find((f) => f.fact === condition.fact);
  const fieldName = fieldOfPath(condition.path);
  const field = known?.fields.find((f) => f.path === fieldName);
  const ownType = fieldName === '' ? known?.type : undefined;
  const type: FactType =
    field?.type ??
    ownType ??
    (condition.operator.includes('ontain') ? 'array' : typeOfValue(condition.value));
  const operators = operatorsByType[type].includes(condition.operator)
    ? operatorsByType[type]
    : [...operatorsByType[type], condition.operator];
  const errorAt = (key: string) => problemAt(problems, `${pointer}/${key}`);

  const change = (next: Partial<LeafCondition>, nextType: FactType = type) => {
    const operator = operatorFor(nextType, next.operator ?? condition.operator);
    const merged = { ...condition, ...next, operator };
    onChange({ ...merged, value: coerceValue(merged.value, nextType, operator) });
  };
  const typeOfField = (fact: string, name: string) =>
    facts.find((f) => f.fact === fact)?.fields.find((f) => f.path === name)?.type ?? type;

  return (
    <Stack
      direction="row"
      useFlexGap
      spacing={1}
      sx={{ flexWrap: 'wrap', flex: 1, minWidth: 0 }}
      data-pointer={pointer}
      data-testid={testId}
    >
      <Autocomplete
        freeSolo
        autoSelect
        options={facts.map((f) => f.fact)}
        value={condition.fact}
        onChange={(_e, fact) => change({ fact: fact ?? '' }, typeOfField(fact ?? '', fieldName))}
        renderInput={(params) => (
          <TextField
            {...params}
            size="small"
            label={t('editors.conditions.fact')}
            error={errorAt('fact') !== undefined}
            helperText={errorAt('fact')}
            slotProps={{
              ...params.slotProps,
              htmlInput: {
                ...params.slotProps.htmlInput,
                'data-pointer': `${pointer}/fact`,
                'data-testid': `${testId}-fact`,
              },
            }}
          />
        )}
        sx={{ minWidth: 140, flex: 1 }}
      />
      <Autocomplete
        freeSolo
        autoSelect
        options={(known?.fields ?? []).map((f) => f.path)}
        value={fieldName}
        onChange={(_e, name) =>
          change({ path: jsonPathOf(name ?? '') }, typeOfField(condition.fact, name ?? ''))
        }
        renderInput={(params) => (
          <TextField
            {...params}
            size="small"
            label={t('editors.conditions.field')}
            error={errorAt('path') !== undefined}
            helperText={errorAt('path')}
            slotProps={{
              ...params.slotProps,
              htmlInput: {
                ...params.slotProps.htmlInput,
                'data-pointer': `${pointer}/path`,
                'data-testid': `${testId}-field`,
              },
            }}
          />
        )}
        sx={{ minWidth: 140, flex: 1 }}
      />
      {!field && !ownType && (
        <TextField
          select
          size="small"
          label={t('editors.conditions.type')}
          value={type}
          onChange={(e) => change({}, e.target.value as FactType)}
          sx={{ minWidth: 110 }}
          slotProps={{ select: selectTestId(`${testId}-type`) }}
        >
          {factTypes.map((option) => (
            <MenuItem key={option} value={option}>
              {t(`editors.conditions.types.${option}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField
        select
        size="small"
        label={t('editors.conditions.operator')}
        value={condition.operator}
        error={errorAt('operator') !== undefined}
        helperText={errorAt('operator')}
        onChange={(e) => change({ operator: e.target.value })}
        sx={{ minWidth: 150 }}
        slotProps={{
          htmlInput: { 'data-pointer': `${pointer}/operator` },
          select: selectTestId(`${testId}-operator`),
        }}
      >
        {operators.map((operator) => (
          <MenuItem key={operator} value={operator}>
            {t(`editors.operators.${operator}`, { defaultValue: operator })}
          </MenuItem>
        ))}
      </TextField>
      <ValueInput
        type={type}
        list={takesList(condition.operator)}
        options={field?.enum}
        value={condition.value}
        onChange={(value) => onChange({ ...condition, value })}
        error={errorAt('value')}
        pointer={`${pointer}/value`}
        testId={`${testId}-value`}
      />
    </Stack>
  );
}
