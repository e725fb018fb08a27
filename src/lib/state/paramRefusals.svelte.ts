import type { ParamField, ParamUpdate } from '../domain/paramFields';

type ParamKey = ParamField['key'];

/** Why a value typed into the settings panel was refused: a message key and its variables. */
export interface ParamRefusal {
  errorKey: string;
  vars?: Record<string, string | number>;
}

// Yellow days < green days is a rule about the pair: a refusal of either is answered by a change of either.
const ORDERED_PAIR: ParamKey[] = ['warnYellowDays', 'warnGreenDays'];
const ORDER_ERROR = 'params.error.warnOrder';

/**
 * The settings panel's refusal messages, one per field, each shown until the values in force make
 * it untrue. Held as message keys, so a language switch rewrites them.
 */
export class ParamRefusals {
  #byField = $state<Partial<Record<ParamKey, ParamRefusal>>>({});

  /** The refusal to show beside one field, or null. */
  of(key: ParamKey): ParamRefusal | null {
    return this.#byField[key] ?? null;
  }

  /** Records the outcome of setting one field. */
  settle(key: ParamKey, update: ParamUpdate) {
    if (!update.ok) {
      this.#byField[key] = { errorKey: update.errorKey, vars: update.vars };
      return;
    }
    delete this.#byField[key];
    // Whatever was accepted, the pair in force is ordered (setParam refuses otherwise): an order
    // refusal beside the other threshold no longer describes the values on screen.
    if (ORDERED_PAIR.includes(key)) {
      for (const other of ORDERED_PAIR) if (this.#byField[other]?.errorKey === ORDER_ERROR) delete this.#byField[other];
    }
  }

  /** Forgets every refusal (defaults restored). */
  clear() {
    this.#byField = {};
  }
}
