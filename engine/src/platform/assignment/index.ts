import type { HttpModule } from '../../http/http-module.js';
import { assignmentRoutes } from './assignment-routes.js';
import { AssignmentService } from './assignment-service.js';
import { AutoAssigner } from './auto-assigner.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    /** Picks a group and an agent; auto-assigns user tasks of groups that ask for it. */
    assignment: AssignmentService;
  }
}

const autoAssignIntervalMs = 1_000;

export function assignmentModule(): HttpModule<'assignment'> {
  let autoAssigner: { stop(): Promise<void> } | undefined;
  return {
    name: 'assignment',
    dependsOn: ['process-engine', 'rules'],
    init: ({ db, get }) => new AssignmentService(db, get('process-engine'), get('rules')),
    routes(router, { db, get }) {
      assignmentRoutes(router, { db, assignment: get('assignment') });
    },
    start({ db, logger, get }) {
      autoAssigner = new AutoAssigner(db, get('assignment'), logger).start(autoAssignIntervalMs);
    },
    stop: () => autoAssigner?.stop(),
  };
}
