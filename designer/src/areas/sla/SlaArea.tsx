import { AreaPlaceholder } from '../AreaPlaceholder';

export default function SlaArea() {
  return <AreaPlaceholder area="sla" />;
}
