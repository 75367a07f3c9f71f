import { AreaPlaceholder } from '../AreaPlaceholder';

export default function MonitoringArea() {
  return <AreaPlaceholder area="monitoring" />;
}
