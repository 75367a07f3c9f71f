import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { problemAt, type FieldProblem } from '../json-pointer';
import { selectTestId } from '../select-test-id';
import {
  appendChild,
  childrenOf,
  conditionPointer,
  groupKind,
  groupKinds,
  isLeaf,
  moveChild,
  setKind,
  updateAt,
  type Condition,
  type GroupKind,
  type LeafCondition,
} from './condition-tree';
import type { KnownFact } from './fact-catalogue';
import { LeafConditionEditor } from './LeafConditionEditor';
import { AddButton } from '../RowButtons';

export interface ConditionGroupEditorProps {
  root: Condition;
  at: readonly number[];
  onChange(root: Condition): void;
  facts: readonly KnownFact[];
  basePointer: string;
  problems: readonly FieldProblem[];
  testId: string;
}

const newLeaf = (facts: readonly KnownFact[]): LeafCondition => {
  const fact = facts[0];
  const field = fact?.fields[0];
  return {
    fact: fact?.fact ?? '',
    ...(field ? { path: `$.${field.path}` } : {}),
    operator: 'equal',
    value: field?.enum?.[0] ?? '',
  };
};

/** A group of conditions (all / any / not all / none) with its children, nested groups included. */
export function ConditionGroupEditor(props: ConditionGroupEditorProps) {
  const { root, at, onChange, facts, basePointer, problems, testId } = props;
  const { t } = useTranslation();
  const group = at.reduce<Condition>((node, index) => childrenOf(node)[index]!, root);
  const kind = groupKind(group) ?? 'all';
  const children = childrenOf(group);
  const id = at.length === 0 ? testId : `${testId}-${at.join('-')}`;
  const groupPointer = conditionPointer(root, at, basePointer);

  const childControls = (index: number) => {
    const childAt = [...at, index];
    return (
      <Stack direction="row" sx={{ alignItems: 'flex-start' }}>
        <IconButton
          size="small"
          aria-label={t('editors.conditions.moveUp')}
          disabled={index === 0}
          onClick={() => onChange(moveChild(root, childAt, -1))}
        >
          <ArrowUpwardOutlined fontSize="small" />
        </IconButton>
        <IconButton
          size="small"
          aria-label={t('editors.conditions.moveDown')}
          disabled={index === children.length - 1}
          onClick={() => onChange(moveChild(root, childAt, 1))}
        >
          <ArrowDownwardOutlined fontSize="small" />
        </IconButton>
        <IconButton
          size="small"
          aria-label={t('editors.conditions.remove')}
          onClick={() => onChange(updateAt(root, childAt, () => undefined))}
          data-testid={`${id}-${index}-remove`}
        >
          <DeleteOutline fontSize="small" />
        </IconButton>
      </Stack>
    );
  };

  return (
    <Box
      role="group"
      aria-label={t(`editors.conditions.kinds.${kind}`)}
      data-pointer={groupPointer}
      data-testid={id}
      sx={{
        borderLeft: 3,
        borderColor: kind.startsWith('not') ? 'warning.main' : 'primary.main',
        pl: 1.5,
        py: 0.5,
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          select
          size="small"
          label={t('editors.conditions.match')}
          value={kind}
          onChange={(e) => onChange(setKind(root, at, e.target.value as GroupKind))}
          sx={{ minWidth: 180 }}
          slotProps={{ select: selectTestId(`${id}-kind`) }}
        >
          {groupKinds.map((option) => (
            <MenuItem key={option} value={option}>
              {t(`editors.conditions.kinds.${option}`)}
            </MenuItem>
          ))}
        </TextField>
        <AddButton
          label={t('editors.conditions.addCondition')}
          onClick={() => onChange(appendChild(root, at, newLeaf(facts)))}
          testId={`${id}-add`}
        />
        <AddButton
          label={t('editors.conditions.addGroup')}
          onClick={() => onChange(appendChild(root, at, { all: [newLeaf(facts)] }))}
          testId={`${id}-add-group`}
        />
      </Stack>
      {problemAt(problems, groupPointer) && (
        <Typography color="error" variant="body2" sx={{ mb: 1 }}>
          {problemAt(problems, groupPointer)}
        </Typography>
      )}
      {children.length === 0 && (
        <Typography color="text.secondary" variant="body2" sx={{ mb: 1 }}>
          {t('editors.conditions.empty')}
        </Typography>
      )}
      <Stack spacing={1}>
        {children.map((child, index) => {
          const childAt = [...at, index];
          return (
            <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              {isLeaf(child) ? (
                <LeafConditionEditor
                  condition={child}
                  onChange={(leaf) => onChange(updateAt(root, childAt, () => leaf))}
                  facts={facts}
                  pointer={conditionPointer(root, childAt, basePointer)}
                  problems={problems}
                  testId={`${id}-${index}`}
                />
              ) : (
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <ConditionGroupEditor {...props} at={childAt} />
                </Box>
              )}
              {childControls(index)}
            </Stack>
          );
        })}
      </Stack>
    </Box>
  );
}
