import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { useKnownFacts } from '../../components/definitions/conditions/useKnownFacts';
import { DefinitionToolbar } from '../../components/definitions/DefinitionToolbar';
import { problemAt } from '../../components/definitions/json-pointer';
import { LocalizedTextFields } from '../../components/definitions/LocalizedTextFields';
import { moveItem } from '../../components/definitions/move-item';
import { useDefinitionEditor } from '../../components/definitions/useDefinitionEditor';
import { RuleCard } from './RuleCard';
import { ruleFacts } from './rule-facts';
import { newRule, newRuleSet, type Rule, type RuleSet } from './rule-set-model';
import { ruleSets } from './rules-api';
import { RuleTestPanel } from './RuleTestPanel';

/** A rule set as a list of rules with conditions, events and priorities, plus a test panel. */
export function RuleSetEditor({ id, onSaved }: { id: string; onSaved(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const editor = useDefinitionEditor<RuleSet>(ruleSets, id, newRuleSet, onSaved);
  const entityFacts = useKnownFacts();
  const { content, problems } = editor;

  if (editor.loading && editor.content === null) return <LoadingIndicator />;
  if (editor.loadError !== null || content === null)
    return <Alert severity="error">{errorMessage(editor.loadError)}</Alert>;

  const facts = ruleFacts(entityFacts, content);
  const change = (patch: Partial<RuleSet>) => editor.setContent((current) => ({ ...current, ...patch }));
  const setRules = (update: (rules: Rule[]) => Rule[]) =>
    editor.setContent((current) => ({ ...current, rules: update(current.rules) }));
  return (
    <Box key={editor.generation}>
      <DefinitionToolbar editor={editor} title={t('editors.rules.editorTitle')} />
      <Stack spacing={2}>
        <LocalizedTextFields
          label={t('editors.fields.title')}
          value={content.title}
          onChange={(title) => change({ title })}
          path="/title"
          problems={problems}
          testId="rule-set-title"
        />
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
          <TextField
            size="small"
            sx={{ flex: '1 1 220px' }}
            label={t('editors.fields.description')}
            value={content.description ?? ''}
            onChange={(e) => change({ description: e.target.value || undefined })}
          />
          <TextField
            select
            size="small"
            label={t('editors.rules.mode')}
            value={content.mode}
            error={problemAt(problems, '/mode') !== undefined}
            helperText={problemAt(problems, '/mode') ?? t(`editors.rules.modeHelp.${content.mode}`)}
            onChange={(e) => change({ mode: e.target.value as RuleSet['mode'] })}
            sx={{ minWidth: 260 }}
            slotProps={{ htmlInput: { 'data-pointer': '/mode' } }}
          >
            <MenuItem value="first">{t('editors.rules.modes.first')}</MenuItem>
            <MenuItem value="all">{t('editors.rules.modes.all')}</MenuItem>
          </TextField>
        </Stack>
        <Typography variant="h3" component="h3" sx={{ fontSize: '1.15rem' }}>
          {t('editors.rules.rules', { count: content.rules.length })}
        </Typography>
        {problemAt(problems, '/rules') && <Alert severity="error">{problemAt(problems, '/rules')}</Alert>}
        {content.rules.map((rule, index) => (
          <RuleCard
            key={index}
            rule={rule}
            index={index}
            count={content.rules.length}
            facts={facts}
            problems={problems}
            onChange={(next) => setRules((rules) => rules.map((r, i) => (i === index ? next : r)))}
            onMove={(by) => setRules((rules) => moveItem(rules, index, by))}
            onRemove={() => setRules((rules) => rules.filter((_r, i) => i !== index))}
          />
        ))}
        <Box>
          <Button
            variant="outlined"
            startIcon={<AddOutlined />}
            onClick={() => setRules((rules) => [...rules, newRule(rules)])}
            data-testid="add-rule"
          >
            {t('editors.rules.addRule')}
          </Button>
        </Box>
        <RuleTestPanel
          id={id}
          ruleSet={content}
          versions={(editor.document?.versions ?? []).map((v) => v.version)}
        />
      </Stack>
    </Box>
  );
}
