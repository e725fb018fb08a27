/**
 * Tracks pending queries and renders and mirrors them to `document.body.dataset.busy`
 * ("true" while anything is pending, "false" when the page is settled) — the e2e contract.
 */
class BusyTracker {
  // Deliberately not $state: queries start inside effects, and an effect that reads and writes
  // reactive state re-runs itself forever (STYLE.md "Traps").
  #pending = 0;

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
    // Settle on the next frame so a render that starts right after a query keeps the page busy.
    const value = this.#pending > 0 ? 'true' : 'false';
    if (value === 'true') document.body.dataset.busy = 'true';
    else requestAnimationFrame(() => {
      if (this.#pending === 0) document.body.dataset.busy = 'false';
    });
  }
}

export const busy = new BusyTracker();
