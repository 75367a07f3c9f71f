import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createViewer, type NavigatedViewer } from '../bpmn/create-viewer';

/** A read-only BPMN diagram; `decorate` adds markers and overlays once it is drawn. */
export function DiagramViewer(props: {
  xml: string;
  decorate?: (viewer: NavigatedViewer) => void;
  height?: number | string;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const { xml, decorate } = props;

  useEffect(() => {
    if (!container.current) return;
    const viewer = createViewer(container.current);
    let live = true;
    viewer.importXML(xml).then(
      () => {
        if (!live) return;
        viewer.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
        decorate?.(viewer);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [xml, decorate]);

  return (
    <>
      {error && <Alert severity="error">{t('processes.editor.importFailed', { message: error })}</Alert>}
      <Box
        ref={container}
        data-testid="diagram-viewer"
        role="img"
        aria-label={t('instances.view.diagram')}
        sx={{
          height: props.height ?? 420,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: 'background.paper',
        }}
      />
    </>
  );
}
