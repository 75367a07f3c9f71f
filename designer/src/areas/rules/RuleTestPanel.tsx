import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useErrorMessage } from '../../api/useErrorMessage';
import { problemsOf } from '../../components/definitions/json-pointer';
import { ProblemList } from '../../components/definitions/ProblemList';
import { parseFacts, type Evaluation } from './explanation';
import { ExplanationTree } from './ExplanationTree';
import type { RuleSet } from './rule-set-model';

const sampleFacts = JSON.stringify(
  { case: { type: 'complaint', priority: 'urgent', zone: 'north' } },
  null,
  2,
);

interface RuleTestPanelProps {
  id: string;
  ruleSet: RuleSet;
  versions: readonly number[];
}

/** Evaluates the rule set being edited (or a published version) against sample facts and explains the result. */
export function RuleTestPanel({ id, ruleSet, versions }: RuleTestPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [factsText, setFactsText] = useState(sampleFacts);
  const [target, setTarget] = useState<'editor' | number>('editor');
  const [result, setResult] = useState<Evaluation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const parsed = parseFacts(factsText);
  const factsError =
    'error' in parsed
      ? t(`editors.rules.test.factsError.${parsed.error}`, { detail: parsed.detail ?? '' })
      : undefined;

  const evaluate = async () => {
    if (!('facts' in parsed)) return;
    setBusy(true);
    setError(null);
    try {
      const body =
        target === 'editor' ? { facts: parsed.facts, ruleSet } : { facts: parsed.facts, version: target };
      setResult(await api.post<Evaluation>(`/api/v1/rules/${encodeURIComponent(id)}/evaluate`, body));
    } catch (failure) {
      setResult(null);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="rule-test-title"
      sx={{ p: 2 }}
      data-testid="rule-test"
    >
      <Typography id="rule-test-title" variant="h3" component="h3" sx={{ fontSize: '1.15rem', mb: 1 }}>
        {t('editors.rules.test.title')}
      </Typography>
      <Stack spacing={2}>
        <TextField
          select
          size="small"
          label={t('editors.rules.test.target')}
          value={String(target)}
          onChange={(e) => setTarget(e.target.value === 'editor' ? 'editor' : Number(e.target.value))}
        >
          <MenuItem value="editor">{t('editors.rules.test.editorContent')}</MenuItem>
          {versions.map((version) => (
            <MenuItem key={version} value={String(version)}>
              {t('editors.status.published', { version })}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('editors.rules.test.facts')}
          multiline
          minRows={6}
          value={factsText}
          onChange={(e) => setFactsText(e.target.value)}
          error={factsError !== undefined}
          helperText={factsError ?? t('editors.rules.test.factsHelp')}
          slotProps={{
            htmlInput: {
              spellCheck: false,
              'data-testid': 'rule-test-facts',
              style: { fontFamily: 'monospace' },
            },
          }}
        />
        <Box>
          <Button
            variant="contained"
            startIcon={<PlayArrowOutlined />}
            disabled={busy || factsError !== undefined}
            onClick={() => void evaluate()}
            data-testid="rule-test-run"
          >
            {t('editors.rules.test.run')}
          </Button>
        </Box>
        {error !== null &&
          (problemsOf(error).length > 0 ? (
            <ProblemList problems={problemsOf(error)} />
          ) : (
            <Alert severity="error">{errorMessage(error)}</Alert>
          ))}
        {result && (
          <Box aria-live="polite" data-testid="rule-test-result">
            <Typography variant="subtitle2" component="h4">
              {t('editors.rules.test.events', { count: result.events.length })}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', my: 1 }}>
              {result.events.map((event, index) => (
                <Chip
                  key={index}
                  color="primary"
                  label={`${event.type}${event.params ? ` ${JSON.stringify(event.params)}` : ''}`}
                  data-testid={`rule-test-event-${index}`}
                />
              ))}
            </Stack>
            <Stack spacing={2} role="tree" aria-label={t('editors.rules.test.explanation')}>
              {result.rules.map((rule, index) => (
                <Box
                  key={`${rule.name}-${index}`}
                  data-testid={`rule-test-rule-${rule.name}`}
                  data-fired={String(rule.fired)}
                >
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {rule.fired ? '✓' : '✗'} {rule.name} —{' '}
                    {rule.fired ? t('editors.rules.test.fired') : t('editors.rules.test.notFired')}
                  </Typography>
                  {rule.conditions && (
                    <ExplanationTree node={rule.conditions} testId={`rule-test-tree-${index}`} />
                  )}
                </Box>
              ))}
            </Stack>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
