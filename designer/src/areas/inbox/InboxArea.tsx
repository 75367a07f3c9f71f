import { AreaPlaceholder } from '../AreaPlaceholder';

export default function InboxArea() {
  return <AreaPlaceholder area="inbox" />;
}
