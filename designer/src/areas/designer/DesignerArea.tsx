import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { ProcessListPage } from './ProcessListPage';

// The modeler and the viewer (bpmn-js) load only when a process is opened.
const ProcessEditorPage = lazy(() => import('./editor/ProcessEditorPage'));
const ProcessVersionPage = lazy(() => import('./ProcessVersionPage'));

export default function DesignerArea() {
  return (
    <Routes>
      <Route index element={<ProcessListPage />} />
      <Route path="processes/:processId" element={<ProcessEditorPage />} />
      <Route path="processes/:processId/versions/:version" element={<ProcessVersionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
