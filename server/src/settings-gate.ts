// The one place where every handler waits for the client's settings. An answer built on
// defaults before the settings arrive is wrong in ways users notice (today's real date
// instead of their fixed one, rules they turned off, terms they allowed), so no request or
// notification is handled until the settings are read, or until a short wait has passed.

/** How long handlers wait for a client that never answers `workspace/configuration`. */
export const SETTINGS_WAIT_MS = 3000;

export class SettingsGate {
  private current: Promise<void>;
  private openFirst!: () => void;

  constructor(
    private readonly log: (message: string) => void,
    /** Called when settings arrive after handlers stopped waiting: what they answered is out of date. */
    private readonly arrivedLate: () => void,
    private readonly waitMs = SETTINGS_WAIT_MS,
  ) {
    // Closed until the first read of the settings finishes (or gives up).
    this.current = new Promise<void>((resolve) => (this.openFirst = resolve));
  }

  /** Resolves when the newest read of the settings has finished or timed out. Never rejects. */
  get ready(): Promise<void> {
    return this.current;
  }

  /**
   * Reads the settings with `read`. Handlers wait for this read (not an older one); after
   * `waitMs` they go on with what the store holds, and the late answer still applies when it comes.
   */
  load(read: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        this.log(`partnership-charter: the editor's settings did not arrive within ${this.waitMs} ms; answering with the settings read so far (defaults at start).`);
        resolve();
      }, this.waitMs);
      timer.unref?.();
    });
    const reading = read().then(
      () => {
        if (timedOut) this.arrivedLate();
      },
      (error) => this.log(`partnership-charter: reading settings failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    const settled = Promise.race([reading, timeout]).finally(() => clearTimeout(timer));
    // Handlers that started waiting before the first read was asked for wait for it too.
    void settled.then(this.openFirst);
    this.current = settled;
    return settled;
  }
}
