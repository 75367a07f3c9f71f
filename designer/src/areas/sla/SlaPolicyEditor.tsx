import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { ConditionBuilder } from '../../components/definitions/conditions/ConditionBuilder';
import { recordFact } from '../../components/definitions/conditions/fact-catalogue';
import { useKnownFacts } from '../../components/definitions/conditions/useKnownFacts';
import type { DefinitionSummary } from '../../components/definitions/definitions-api';
import { EditorSection } from '../../components/definitions/EditorSection';
import { DefinitionToolbar } from '../../components/definitions/DefinitionToolbar';
import { problemAt } from '../../components/definitions/json-pointer';
import { localized } from '../../components/definitions/localized-text';
import { LocalizedTextFields } from '../../components/definitions/LocalizedTextFields';
import { selectTestId } from '../../components/definitions/select-test-id';
import { useDefinitionEditor } from '../../components/definitions/useDefinitionEditor';
import { slaPolicies } from './sla-api';
import { newPolicy, setAppliesTo, statusesOf, type AppliesTo, type SlaPolicy } from './sla-policy-model';
import { TargetsTable } from './TargetsTable';
import { ThresholdsInput } from './ThresholdsInput';

interface SlaPolicyEditorProps {
  id: string;
  calendarItems: DefinitionSummary[] | undefined;
  onSaved(): void;
}

/** One SLA policy: when it applies, its calendar, its targets per metric and priority, pauses and warnings. */
export function SlaPolicyEditor({ id, calendarItems, onSaved }: SlaPolicyEditorProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const editor = useDefinitionEditor<SlaPolicy>(slaPolicies, id, newPolicy, onSaved);
  const facts = useKnownFacts();
  const { content: policy, problems } = editor;

  if (editor.loading && editor.content === null) return <LoadingIndicator />;
  if (editor.loadError !== null || policy === null)
    return <Alert severity="error">{errorMessage(editor.loadError)}</Alert>;

  const change = (patch: Partial<SlaPolicy>) => editor.setContent((current) => ({ ...current, ...patch }));
  const errorOf = (path: string) => problemAt(problems, path);

  return (
    <Box key={editor.generation}>
      <DefinitionToolbar editor={editor} title={t('editors.sla.policyTitle')} />
      <Stack spacing={2}>
        <LocalizedTextFields
          label={t('editors.fields.title')}
          value={policy.title}
          onChange={(title) => change({ title })}
          path="/title"
          problems={problems}
          testId="policy-title"
        />
        <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
          <TextField
            size="small"
            type="number"
            label={t('editors.sla.order')}
            value={policy.order}
            error={errorOf('/order') !== undefined}
            helperText={errorOf('/order') ?? t('editors.sla.orderHelp')}
            onChange={(e) => change({ order: Number(e.target.value) })}
            sx={{ width: { md: 160 } }}
            slotProps={{ htmlInput: { 'data-pointer': '/order', 'data-testid': 'policy-order' } }}
          />
          <TextField
            select
            size="small"
            label={t('editors.sla.appliesTo')}
            value={policy.appliesTo}
            onChange={(e) =>
              editor.setContent((current) => setAppliesTo(current, e.target.value as AppliesTo))
            }
            sx={{ minWidth: 200 }}
            slotProps={{ htmlInput: { 'data-pointer': '/appliesTo' } }}
          >
            <MenuItem value="case">{t('editors.sla.types.case')}</MenuItem>
            <MenuItem value="work_order">{t('editors.sla.types.work_order')}</MenuItem>
          </TextField>
          <TextField
            select
            size="small"
            label={t('editors.sla.calendar')}
            value={policy.calendar}
            error={errorOf('/calendar') !== undefined}
            helperText={errorOf('/calendar')}
            onChange={(e) => change({ calendar: e.target.value })}
            sx={{ minWidth: 260, flex: 1 }}
            slotProps={{
              htmlInput: { 'data-pointer': '/calendar' },
              select: selectTestId('policy-calendar'),
            }}
          >
            {(calendarItems ?? [])
              .filter((item) => item.version !== null || item.id === policy.calendar)
              .map((item) => (
                <MenuItem key={item.id} value={item.id}>
                  {localized(item.title, i18n.language, item.id)}
                </MenuItem>
              ))}
            {policy.calendar !== '' && !calendarItems?.some((item) => item.id === policy.calendar) && (
              <MenuItem value={policy.calendar}>{policy.calendar}</MenuItem>
            )}
          </TextField>
        </Stack>
        <EditorSection title={t('editors.sla.conditions')}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('editors.sla.conditionsHelp')}
          </Typography>
          <ConditionBuilder
            value={policy.conditions}
            onChange={(conditions) => change({ conditions })}
            facts={recordFact(policy.appliesTo, facts)}
            pointer="/conditions"
            problems={problems}
            testId="policy-conditions"
          />
        </EditorSection>
        <EditorSection title={t('editors.sla.targets')}>
          <TargetsTable
            policy={policy}
            onChange={(next) => editor.setContent(() => next)}
            problems={problems}
          />
        </EditorSection>
        <EditorSection title={t('editors.sla.pausesAndWarnings')}>
          <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
            <TextField
              select
              size="small"
              sx={{ flex: '1 1 220px' }}
              label={t('editors.sla.pauseStatuses')}
              value={policy.pauseStatuses ?? []}
              error={errorOf('/pauseStatuses') !== undefined}
              helperText={errorOf('/pauseStatuses') ?? t('editors.sla.pauseStatusesHelp')}
              onChange={(e) => change({ pauseStatuses: e.target.value as unknown as string[] })}
              slotProps={{ select: { multiple: true }, htmlInput: { 'data-pointer': '/pauseStatuses' } }}
            >
              {statusesOf[policy.appliesTo].map((status) => (
                <MenuItem key={status} value={status}>
                  {status}
                </MenuItem>
              ))}
            </TextField>
            <Box sx={{ flex: 1 }}>
              <ThresholdsInput
                value={policy.warningThresholds}
                onChange={(warningThresholds) => change({ warningThresholds })}
                error={errorOf('/warningThresholds')}
              />
            </Box>
          </Stack>
        </EditorSection>
      </Stack>
    </Box>
  );
}
