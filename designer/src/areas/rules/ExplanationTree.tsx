import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import HelpOutlineOutlined from '@mui/icons-material/HelpOutlineOutlined';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { fieldOfPath } from '../../components/definitions/conditions/fact-catalogue';
import { held, nodeChildren, nodeKind, showValue, type ExplainedCondition } from './explanation';

function Mark({ value }: { value: boolean | undefined }) {
  const { t } = useTranslation();
  if (value === true)
    return (
      <CheckCircleOutlined color="success" fontSize="small" titleAccess={t('editors.rules.test.held')} />
    );
  if (value === false)
    return <CancelOutlined color="error" fontSize="small" titleAccess={t('editors.rules.test.notHeld')} />;
  return (
    <HelpOutlineOutlined
      color="disabled"
      fontSize="small"
      titleAccess={t('editors.rules.test.notEvaluated')}
    />
  );
}

/** The conditions of one rule as evaluated: ✓ or ✗ on every condition and group, with the fact's actual value. */
export function ExplanationTree({ node, testId }: { node: ExplainedCondition; testId: string }) {
  const { t } = useTranslation();
  const kind = nodeKind(node);
  const result = held(node);
  if (kind === 'leaf') {
    const subject = [node.fact, fieldOfPath(node.path)].filter(Boolean).join('.');
    return (
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center' }}
        role="treeitem"
        aria-selected={false}
        data-testid={testId}
        data-held={String(result)}
      >
        <Mark value={result} />
        <Typography variant="body2" component="span">
          <strong>{subject}</strong>{' '}
          {t(`editors.operators.${node.operator}` as 'editors.operators.equal', {
            defaultValue: node.operator,
          })}{' '}
          <code>{showValue(node.value)}</code>
          <Typography component="span" variant="body2" color="text.secondary">
            {' '}
            — {t('editors.rules.test.actual', { value: showValue(node.factResult) })}
          </Typography>
        </Typography>
      </Stack>
    );
  }
  const groupLabel = kind === 'not' ? t('editors.rules.test.not') : t(`editors.conditions.kinds.${kind}`);
  return (
    <Box role="treeitem" aria-selected={false} aria-expanded data-testid={testId} data-held={String(result)}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Mark value={result} />
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {groupLabel}
        </Typography>
      </Stack>
      <Stack
        role="group"
        spacing={0.5}
        sx={{ pl: 3, borderLeft: 1, borderColor: 'divider', ml: 1.2, mt: 0.5 }}
      >
        {nodeChildren(node).map((child, index) => (
          <ExplanationTree key={index} node={child} testId={`${testId}-${index}`} />
        ))}
      </Stack>
    </Box>
  );
}
