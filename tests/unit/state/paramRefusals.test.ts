import { describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { setParam } from '../../../src/lib/domain/paramFields';

const { ParamRefusals } = await import('../../../src/lib/state/paramRefusals.svelte');

describe('settings panel refusals follow the values in force', () => {
  test('yellow 30 is refused; green 21 accepted afterwards takes the order message away', () => {
    const refusals = new ParamRefusals();
    refusals.settle('warnYellowDays', setParam(DEFAULT_PARAMS, 'warnYellowDays', '30'));
    expect(refusals.of('warnYellowDays')?.errorKey).toBe('params.error.warnOrder');
    const greener = setParam(DEFAULT_PARAMS, 'warnGreenDays', '21');
    refusals.settle('warnGreenDays', greener);
    expect(refusals.of('warnYellowDays')).toBeNull();
    expect(refusals.of('warnGreenDays')).toBeNull();
  });

  test('green 5 refused, then yellow 3 accepted: the green message goes too', () => {
    const refusals = new ParamRefusals();
    refusals.settle('warnGreenDays', setParam(DEFAULT_PARAMS, 'warnGreenDays', '5'));
    expect(refusals.of('warnGreenDays')?.errorKey).toBe('params.error.warnOrder');
    refusals.settle('warnYellowDays', setParam(DEFAULT_PARAMS, 'warnYellowDays', '3'));
    expect(refusals.of('warnGreenDays')).toBeNull();
  });

  test('a range refusal is about its own value: it stays when the other threshold changes', () => {
    const refusals = new ParamRefusals();
    refusals.settle('warnYellowDays', setParam(DEFAULT_PARAMS, 'warnYellowDays', 'abc'));
    refusals.settle('warnGreenDays', setParam(DEFAULT_PARAMS, 'warnGreenDays', '21'));
    expect(refusals.of('warnYellowDays')).toEqual({ errorKey: 'params.error.range', vars: { min: 0, max: 364 } });
  });

  test('another field accepted leaves the pair refusal (the pair in force did not change)', () => {
    const refusals = new ParamRefusals();
    refusals.settle('warnYellowDays', setParam(DEFAULT_PARAMS, 'warnYellowDays', '30'));
    refusals.settle('smallNMin', setParam(DEFAULT_PARAMS, 'smallNMin', '5'));
    expect(refusals.of('warnYellowDays')?.errorKey).toBe('params.error.warnOrder');
  });

  test('a valid value of the refused field itself, or restoring defaults, clears it', () => {
    const refusals = new ParamRefusals();
    refusals.settle('warnYellowDays', setParam(DEFAULT_PARAMS, 'warnYellowDays', '30'));
    refusals.settle('warnYellowDays', setParam(DEFAULT_PARAMS, 'warnYellowDays', '5'));
    expect(refusals.of('warnYellowDays')).toBeNull();
    refusals.settle('smallNMin', setParam(DEFAULT_PARAMS, 'smallNMin', '0'));
    refusals.clear();
    expect(refusals.of('smallNMin')).toBeNull();
  });
});
