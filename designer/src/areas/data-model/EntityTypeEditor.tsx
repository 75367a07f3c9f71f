import AddOutlined from '@mui/icons-material/AddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/useErrorMessage';
import { LoadingIndicator } from '../../components/LoadingIndicator';
import { DefinitionToolbar } from '../../components/definitions/DefinitionToolbar';
import { LocalizedTextFields } from '../../components/definitions/LocalizedTextFields';
import type { DefinitionEditor } from '../../components/definitions/useDefinitionEditor';
import {
  applyField,
  fieldsOf,
  newField,
  removeField,
  type EntitySchema,
  type FieldModel,
} from './entity-schema';
import { FieldEditorDialog } from './FieldEditorDialog';
import { FieldTable } from './FieldTable';
import { PublishEntityTypeButton } from './PublishEntityTypeButton';

interface EntityTypeEditorProps {
  editor: DefinitionEditor<EntitySchema>;
  typeNames: readonly string[];
  onPublished(): void;
}

/** One entity type: its label, personal-data flag and fields; saved as a draft and published after a dry run. */
export function EntityTypeEditor({ editor, typeNames, onPublished }: EntityTypeEditorProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ originalName: string | null; field: FieldModel } | null>(null);
  const { content: schema, problems } = editor;

  if (editor.loading && editor.content === null) return <LoadingIndicator />;
  if (editor.loadError !== null || schema === null)
    return <Alert severity="error">{errorMessage(editor.loadError)}</Alert>;

  const fields = fieldsOf(schema);
  const change = (next: EntitySchema) => editor.setContent(() => next);

  return (
    <Box key={editor.generation}>
      <DefinitionToolbar
        editor={editor}
        title={t('editors.dataModel.typeTitle')}
        publishButton={<PublishEntityTypeButton editor={editor} onPublished={onPublished} />}
      />
      <Stack spacing={2}>
        <LocalizedTextFields
          label={t('editors.dataModel.typeLabel')}
          value={schema['x-label']}
          onChange={(label) => change({ ...schema, 'x-label': label })}
          path="/x-label"
          problems={problems}
          testId="type-label"
        />
        <FormControlLabel
          control={
            <Switch
              checked={schema['x-pii'] === true}
              onChange={(e) => change({ ...schema, 'x-pii': e.target.checked || undefined })}
            />
          }
          label={t('editors.dataModel.typePii')}
        />
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="fields-title">
          <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
            <Typography
              id="fields-title"
              variant="h3"
              component="h3"
              sx={{ fontSize: '1.1rem', flexGrow: 1 }}
            >
              {t('editors.dataModel.fields')}
            </Typography>
            <Button
              startIcon={<AddOutlined />}
              onClick={() => setEditing({ originalName: null, field: newField() })}
              data-testid="add-field"
            >
              {t('editors.dataModel.addField')}
            </Button>
          </Stack>
          <FieldTable
            fields={fields}
            problems={problems}
            onEdit={(field) => setEditing({ originalName: field.name, field })}
            onRemove={(field) => change(removeField(schema, field.name))}
          />
        </Paper>
      </Stack>
      {editing && (
        <FieldEditorDialog
          editing={editing}
          otherNames={fields.map((f) => f.name).filter((name) => name !== editing.originalName)}
          typeNames={typeNames}
          problems={problems}
          onClose={() => setEditing(null)}
          onApply={(field) => {
            change(applyField(schema, editing.originalName, field));
            setEditing(null);
          }}
        />
      )}
    </Box>
  );
}
