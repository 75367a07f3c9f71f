import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import Modeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import zeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import { lintConfig } from './lint/lint-config';
import { calendarPropertiesModule, type CalendarTexts } from './properties/calendar-properties-provider';
import { bpmnTranslate } from './translate/bpmn-texts';
import { moddleExtensions } from './tramit-moddle';

export interface ModelerOptions {
  canvas: HTMLElement;
  properties: HTMLElement;
  elementTemplates: unknown[];
  calendarTexts: CalendarTexts;
  /** The app's language (ca, es, en) for bpmn-js's own texts. */
  language: string;
}

/**
 * The process modeler: bpmn-js with Camunda 8's properties panel, Zeebe behaviours, element
 * templates, live bpmnlint linting and Tramit's business-calendar timer attribute.
 */
export function createModeler(options: ModelerOptions): Modeler {
  return new Modeler({
    container: options.canvas,
    propertiesPanel: { parent: options.properties },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      zeebeBehaviorsModule,
      lintModule,
      calendarPropertiesModule,
      { translate: ['value', bpmnTranslate(options.language)] },
    ],
    moddleExtensions,
    linting: { bpmnlint: lintConfig, active: true },
    elementTemplates: options.elementTemplates,
    tramitCalendar: options.calendarTexts,
  });
}

export type { Modeler };
