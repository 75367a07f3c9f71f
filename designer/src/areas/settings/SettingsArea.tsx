import { AreaPlaceholder } from '../AreaPlaceholder';

export default function SettingsArea() {
  return <AreaPlaceholder area="settings" />;
}
