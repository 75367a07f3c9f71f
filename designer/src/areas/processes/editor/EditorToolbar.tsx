import type { SvgIconComponent } from '@mui/icons-material';
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

type Action = 'save' | 'deploy' | 'export' | 'clone';

const buttons: {
  action: Action;
  icon: SvgIconComponent;
  testId: string;
  variant: 'text' | 'outlined' | 'contained';
}[] = [
  { action: 'save', icon: SaveOutlined, testId: 'save-draft', variant: 'outlined' },
  { action: 'deploy', icon: RocketLaunchOutlined, testId: 'deploy', variant: 'contained' },
  { action: 'export', icon: DownloadOutlined, testId: 'export', variant: 'text' },
  { action: 'clone', icon: ContentCopyOutlined, testId: 'clone', variant: 'text' },
];

export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation();
  const handlers: Record<Action, () => void> = {
    save: props.onSave,
    deploy: props.onDeploy,
    export: props.onExport,
    clone: props.onClone,
  };
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap' }}
      role="toolbar"
      aria-label={t('processes.editor.toolbar')}
    >
      {buttons.map(({ action, icon: Icon, testId, variant }) => (
        <Button
          key={action}
          startIcon={<Icon />}
          variant={variant}
          disabled={props.disabled}
          onClick={handlers[action]}
          data-testid={testId}
        >
          {t(`processes.editor.${action}`)}
        </Button>
      ))}
    </Stack>
  );
}
