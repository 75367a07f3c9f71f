import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { InstanceListPage } from './InstanceListPage';

// The diagram viewer (bpmn-js) loads only when an instance is opened.
const InstanceViewPage = lazy(() => import('./instance/InstanceViewPage'));

export default function MonitoringArea() {
  return (
    <Routes>
      <Route index element={<InstanceListPage />} />
      <Route path="instances/:processInstanceKey" element={<InstanceViewPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
