import { AreaPlaceholder } from '../AreaPlaceholder';

export default function DesignerArea() {
  return <AreaPlaceholder area="designer" />;
}
