import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createModeler, type Modeler } from '../../../bpmn/create-modeler';
import { flattenIssues, type LintIssue } from './lint-issues';

interface Service {
  on(event: string, callback: (event: { issues?: never; element?: unknown }) => void): void;
}

/**
 * Mounts the modeler on two elements (canvas and properties), imports the XML, and reports edits
 * (as a change counter) and lint issues.
 */
export function useModeler(xml: string | undefined, elementTemplates: unknown[] | undefined) {
  const { t, i18n } = useTranslation();
  const [canvas, setCanvas] = useState<HTMLDivElement | null>(null);
  const [properties, setProperties] = useState<HTMLDivElement | null>(null);
  const [modeler, setModeler] = useState<Modeler | null>(null);
  const [changes, setChanges] = useState(0);
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [importError, setImportError] = useState<string | null>(null);
  const [templateTarget, setTemplateTarget] = useState<unknown>(null);

  useEffect(() => {
    if (xml === undefined || elementTemplates === undefined || !canvas || !properties) return;
    const instance = createModeler({
      canvas,
      properties,
      elementTemplates,
      language: i18n.resolvedLanguage ?? 'ca',
      calendarTexts: {
        group: t('processes.calendar.group'),
        label: t('processes.calendar.label'),
        description: t('processes.calendar.description'),
      },
    });
    const events = instance.get<Service>('eventBus');
    events.on('commandStack.changed', () => setChanges((c) => c + 1));
    events.on('linting.completed', (event) => setIssues(flattenIssues(event.issues ?? {})));
    events.on('elementTemplates.select', (event) => setTemplateTarget(event.element ?? null));
    let live = true;
    instance.importXML(xml).then(
      () => {
        if (!live) return;
        instance.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
        setModeler(instance);
      },
      (error: Error) => live && setImportError(error.message),
    );
    return () => {
      live = false;
      setModeler(null);
      instance.destroy();
    };
    // The modeler is made once per document; translations are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [xml, elementTemplates, canvas, properties]);

  return {
    attachCanvas: setCanvas,
    attachProperties: setProperties,
    modeler,
    templateTarget,
    closeTemplates: () => setTemplateTarget(null),
    changes,
    issues,
    importError,
  };
}
