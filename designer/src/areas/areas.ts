import type { SvgIconComponent } from '@mui/icons-material';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import InsightsOutlined from '@mui/icons-material/InsightsOutlined';
import RuleOutlined from '@mui/icons-material/RuleOutlined';
import SchemaOutlined from '@mui/icons-material/SchemaOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import TimerOutlined from '@mui/icons-material/TimerOutlined';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type AreaId = 'designer' | 'inbox' | 'monitoring' | 'dataModel' | 'rules' | 'sla' | 'settings';

export interface Area {
  id: AreaId;
  /** Route of the area; everything below it belongs to the area too. */
  path: string;
  /** Permission (as granted by the engine's roles) needed to see the area. */
  permission: string;
  testId: string;
  icon: SvgIconComponent;
  /** Loaded on first visit, so each area is its own chunk. */
  component: LazyExoticComponent<ComponentType>;
}

/** The single source of the app's areas: navigation, routes and start page all derive from it. */
export const areas: readonly Area[] = [
  {
    id: 'designer',
    path: '/designer',
    permission: 'designer.view',
    testId: 'nav-designer',
    icon: AccountTreeOutlined,
    component: lazy(() => import('./processes/ProcessesArea')),
  },
  {
    id: 'inbox',
    path: '/inbox',
    permission: 'inbox.view',
    testId: 'nav-inbox',
    icon: InboxOutlined,
    component: lazy(() => import('./inbox/InboxArea')),
  },
  {
    id: 'monitoring',
    path: '/monitoring',
    permission: 'monitoring.view',
    testId: 'nav-monitoring',
    icon: InsightsOutlined,
    component: lazy(() => import('./monitoring/MonitoringArea')),
  },
  {
    id: 'dataModel',
    path: '/data-model',
    permission: 'datamodel.view',
    testId: 'nav-data-model',
    icon: SchemaOutlined,
    component: lazy(() => import('./data-model/DataModelArea')),
  },
  {
    id: 'rules',
    path: '/rules',
    permission: 'rules.write',
    testId: 'nav-rules',
    icon: RuleOutlined,
    component: lazy(() => import('./rules/RulesArea')),
  },
  {
    id: 'sla',
    path: '/sla',
    permission: 'sla.write',
    testId: 'nav-sla',
    icon: TimerOutlined,
    component: lazy(() => import('./sla/SlaArea')),
  },
  {
    id: 'settings',
    path: '/settings',
    permission: 'settings.view',
    testId: 'nav-settings',
    icon: SettingsOutlined,
    component: lazy(() => import('./settings/SettingsArea')),
  },
];
