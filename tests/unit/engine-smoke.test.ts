import { test, expect } from 'vitest';
import { openNodeEngine } from '../../src/lib/db/node';
import { registeredFile } from '../../src/lib/db/settings';
test('engine', async () => {
  const e = await openNodeEngine();
  const r = await e.query(`select 1::bigint a, sum(x)::decimal(10,2) s, DATE '2024-03-01' d, 'x' t from (values (1.5),(2.25)) v(x)`);
  expect(r).toEqual([{ a: 1, s: 3.75, d: '2024-03-01', t: 'x' }]);
  await e.exec(`create table z(a int, b varchar)`);
  await e.insertJSONRows('z', [{a:1,b:'甲'},{a:2,b:null}]);
  expect(await e.query('select * from z order by a')).toEqual([{a:1,b:'甲'},{a:2,b:null}]);
  await e.registerFile(registeredFile('f.csv'), new TextEncoder().encode('县市区,n\n永康市,3\n'));
  expect(await e.query(`select * from read_csv('${registeredFile('f.csv')}', all_varchar=true)`)).toEqual([{县市区:'永康市', n:'3'}]);
});
