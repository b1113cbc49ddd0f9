import type { Db } from '../../db/client.js';
import type { Logger } from '../../logger.js';
import { runDueJobs, type JobHandlers } from './runner.js';

/**
 * The background loop of one server process: runs due jobs every interval, and at once when
 * kicked (right after a request queued mail, so a magic link does not wait for the interval).
 * Runs never overlap within a process; a kick during a run asks for one more run after it.
 */
export class JobLoop {
  private running: Promise<void> | null = null;
  private pendingKinds: Set<string> | 'all' | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly options: {
      db: Db;
      handlers: JobHandlers;
      clock: () => Date;
      logger: Logger;
    },
  ) {}

  /** Runs every `intervalMs` until stopped (main.ts; tests call `kick` or `runDueJobs`). */
  start(intervalMs: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Runs due jobs (of these kinds, or all) as soon as possible, without waiting for it. */
  kick(kinds?: string[]): void {
    if (this.stopped) return;
    if (!kinds || this.pendingKinds === 'all') this.pendingKinds = 'all';
    else this.pendingKinds = new Set([...(this.pendingKinds ?? []), ...kinds]);
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
  }

  private async drain(): Promise<void> {
    while (this.pendingKinds && !this.stopped) {
      const pending = this.pendingKinds;
      this.pendingKinds = null;
      try {
        await runDueJobs(
          this.options.db,
          this.options.handlers,
          this.options.clock(),
          this.options.logger,
          {
            kinds: pending === 'all' ? undefined : [...pending],
          },
        );
      } catch (error) {
        this.options.logger.error({ err: error }, 'job runner failed');
      }
    }
  }

  /** Resolves when no run is in progress (tests wait for the kicked delivery this way). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the interval and waits for the run in progress, before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
  }
}
