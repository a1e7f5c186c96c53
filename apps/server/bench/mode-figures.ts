import type { RunMode } from '@mooring/protocol';
import type { ImageSource } from './image-watch';

/** Event latency samples, in milliseconds, with what went missing or out of order. */
export type Latency = { sent: number; samples: number[]; lost: number; reordered: number };

/** What one start cost and, in container mode, where its image came from. */
export type StartFigure = { ms: number; image?: ImageSource };

/** Everything measured for one mode. */
export type ModeFigures = {
  mode: RunMode;
  cold: StartFigure[];
  warm: StartFigure[];
  paced: Latency;
  burst: Latency;
};
