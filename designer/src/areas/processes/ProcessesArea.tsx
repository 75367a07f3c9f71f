import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { loadEditor } from './editor/load-editor';
import { ProcessListPage } from './ProcessListPage';

// The modeler and the viewer (bpmn-js) load only when a process is opened (the list prefetches it).
const ProcessEditorPage = lazy(loadEditor);
const ProcessVersionPage = lazy(() => import('./ProcessVersionPage'));

export default function ProcessesArea() {
  return (
    <Routes>
      <Route index element={<ProcessListPage />} />
      <Route path="processes/:processId" element={<ProcessEditorPage />} />
      <Route path="processes/:processId/versions/:version" element={<ProcessVersionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
