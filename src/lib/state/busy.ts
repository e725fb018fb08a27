/**
 * Tracks pending queries and renders and mirrors them to `document.body.dataset.busy`
 * ("true" while anything is pending, "false" when the page is settled) — the e2e contract.
 */
class BusyTracker {
  // Deliberately not $state: queries start inside effects, and an effect that reads and writes
  // reactive state re-runs itself forever (STYLE.md "Traps").
  #pending = 0;
  #waiters: (() => void)[] = [];

  get busy(): boolean {
    return this.#pending > 0;
  }

  /** Runs `task` while marked busy. */
  async track<T>(task: () => Promise<T>): Promise<T> {
    this.#change(1);
    try {
      return await task();
    } finally {
      this.#change(-1);
    }
  }

  /** Resolves when nothing is pending (at once if nothing is). */
  whenIdle(): Promise<void> {
    return this.#pending === 0 ? Promise.resolve() : new Promise((resolve) => this.#waiters.push(resolve));
  }

  /**
   * Resolves once nothing is pending and the browser reports an idle period: background work
   * (the engine warm-up) waits for this before each step, so it never delays what the user asked.
   */
  async whenPageIdle(): Promise<void> {
    do {
      await this.whenIdle();
      await new Promise<void>((resolve) =>
        typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 20));
    } while (this.#pending > 0);
  }

  /** Marks one unit of work started; call the returned function when it ends. */
  begin(): () => void {
    this.#change(1);
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.#change(-1);
      }
    };
  }

  #change(delta: number) {
    this.#pending += delta;
    if (this.#pending === 0 && this.#waiters.length) for (const resolve of this.#waiters.splice(0)) resolve();
    // Settle on the next frame so a render that starts right after a query keeps the page busy.
    const value = this.#pending > 0 ? 'true' : 'false';
    if (value === 'true') document.body.dataset.busy = 'true';
    else requestAnimationFrame(() => {
      if (this.#pending === 0) document.body.dataset.busy = 'false';
    });
  }
}

export const busy = new BusyTracker();
