import { DockerIndicator } from './docker-indicator';
import { MooringMark } from './mooring-mark';

export function SidebarHeader() {
  return (
    <div className="flex h-11 shrink-0 items-center gap-3 border-b border-line px-3">
      <div className="flex items-center gap-2">
        <MooringMark />
        <span className="text-sm font-semibold tracking-tight">Mooring</span>
      </div>
      <div className="ml-auto min-w-0">
        <DockerIndicator />
      </div>
    </div>
  );
}
