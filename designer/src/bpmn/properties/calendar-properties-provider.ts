import { isTextFieldEntryEdited, TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { timerDefinitionOf, type DiagramElement } from './timer-definition';

interface Group {
  id: string;
  label: string;
  entries: unknown[];
}

interface Modeling {
  updateModdleProperties(element: DiagramElement, target: unknown, properties: Record<string, unknown>): void;
}

/** Texts of the group, from the app's i18n (the properties panel itself is not translated). */
export interface CalendarTexts {
  group: string;
  label: string;
  description: string;
}

function CalendarEntry(props: { element: DiagramElement; id: string }) {
  const { element, id } = props;
  const modeling = useService<Modeling>('modeling');
  const debounce = useService<(fn: unknown) => unknown>('debounceInput');
  const texts = useService<{ tramitCalendar: CalendarTexts }>('config').tramitCalendar;
  const timer = timerDefinitionOf(element)!;
  return h(TextFieldEntry, {
    element,
    id,
    label: texts.label,
    description: texts.description,
    debounce,
    getValue: () => (timer.get('tramit:calendar') as string | undefined) ?? '',
    setValue: (value: string) =>
      modeling.updateModdleProperties(element, timer, { 'tramit:calendar': value.trim() || undefined }),
  });
}

/**
 * Adds a "Business calendar" group to timer events: `tramit:calendar` on the timer definition makes
 * its duration count working time of that calendar.
 */
export class CalendarPropertiesProvider {
  static $inject = ['propertiesPanel', 'config'];

  private readonly texts: CalendarTexts;

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: unknown): void },
    config: { tramitCalendar: CalendarTexts },
  ) {
    this.texts = config.tramitCalendar;
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: Group[]) => {
      if (!timerDefinitionOf(element)) return groups;
      const group: Group = {
        id: 'tramitCalendar',
        label: this.texts.group,
        entries: [
          { id: 'tramitCalendar', component: CalendarEntry, element, isEdited: isTextFieldEntryEdited },
        ],
      };
      const timerIndex = groups.findIndex((g) => g.id === 'timer');
      groups.splice(timerIndex >= 0 ? timerIndex + 1 : groups.length, 0, group);
      return groups;
    };
  }
}

export const calendarPropertiesModule = {
  __init__: ['tramitCalendarPropertiesProvider'],
  tramitCalendarPropertiesProvider: ['type', CalendarPropertiesProvider],
};
