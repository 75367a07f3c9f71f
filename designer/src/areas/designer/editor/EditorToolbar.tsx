import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import RocketLaunchOutlined from '@mui/icons-material/RocketLaunchOutlined';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';

interface EditorToolbarProps {
  disabled: boolean;
  onSave(): void;
  onDeploy(): void;
  onExport(): void;
  onClone(): void;
}

export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation();
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="toolbar"
      aria-label={t('processes.editor.toolbar')}
    >
      <Button
        startIcon={<SaveOutlined />}
        variant="outlined"
        disabled={props.disabled}
        onClick={props.onSave}
        data-testid="save-draft"
      >
        {t('processes.editor.save')}
      </Button>
      <Button
        startIcon={<RocketLaunchOutlined />}
        variant="contained"
        disabled={props.disabled}
        onClick={props.onDeploy}
        data-testid="deploy"
      >
        {t('processes.editor.deploy')}
      </Button>
      <Button
        startIcon={<DownloadOutlined />}
        disabled={props.disabled}
        onClick={props.onExport}
        data-testid="export"
      >
        {t('processes.editor.export')}
      </Button>
      <Button
        startIcon={<ContentCopyOutlined />}
        disabled={props.disabled}
        onClick={props.onClone}
        data-testid="clone"
      >
        {t('processes.editor.clone')}
      </Button>
    </Stack>
  );
}
