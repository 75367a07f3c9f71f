import { AreaPlaceholder } from '../AreaPlaceholder';

export default function DataModelArea() {
  return <AreaPlaceholder area="dataModel" />;
}
