import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProcessIdDialog } from './ProcessIdDialog';

/** "New process": opens the editor on a fresh diagram of that id (saved as a draft on first save). */
export function NewProcessDialog(props: { open: boolean; onClose(): void; existingIds: readonly string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <ProcessIdDialog
      open={props.open}
      onClose={props.onClose}
      existingIds={props.existingIds}
      title={t('processes.newDialog.title')}
      submitLabel={t('processes.newDialog.create')}
      testId="new-process-dialog"
      onSubmit={(processId, name) =>
        navigate(`/designer/processes/${encodeURIComponent(processId)}?name=${encodeURIComponent(name)}`)
      }
    />
  );
}
