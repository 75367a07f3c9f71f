/** The editor's code (bpmn-js, properties panel, linting): a separate chunk, fetched on demand. */
export const loadEditor = () => import('./ProcessEditorPage');
