import Dialog from '@mui/material/Dialog';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Modeler } from '../../../bpmn/create-modeler';

interface ElementTemplate {
  id: string;
  name: string;
  description?: string;
  version?: number;
}

interface ElementTemplates {
  getLatest(element: unknown): ElementTemplate[];
  applyTemplate(element: unknown, template: ElementTemplate): unknown;
}

/**
 * The chooser bpmn-js-element-templates asks the host app for ("Template → Select"): the templates
 * that apply to the element (connector operations, Tramit's rule-set task); choosing one applies it.
 */
export function TemplateChooser(props: { modeler: Modeler; element: unknown; onClose(): void }) {
  const { t } = useTranslation();
  const service = props.modeler.get<ElementTemplates>('elementTemplates');
  const templates = props.element ? service.getLatest(props.element) : [];
  return (
    <Dialog
      open={props.element !== null}
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      data-testid="template-chooser"
    >
      <DialogTitle>{t('processes.templates.title')}</DialogTitle>
      {templates.length === 0 ? (
        <Typography sx={{ px: 3, pb: 3 }} color="text.secondary">
          {t('processes.templates.none')}
        </Typography>
      ) : (
        <List sx={{ pb: 2 }}>
          {templates.map((template) => (
            <ListItemButton
              key={template.id}
              data-testid={`template-${template.id}`}
              onClick={() => {
                service.applyTemplate(props.element, template);
                props.onClose();
              }}
            >
              <ListItemText primary={template.name} secondary={template.description} />
            </ListItemButton>
          ))}
        </List>
      )}
    </Dialog>
  );
}
