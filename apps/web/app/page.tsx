import { MooringApp } from '../components/shell/mooring-app';

export default function HomePage() {
  return <MooringApp />;
}
