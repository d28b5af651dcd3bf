import { channel } from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import { LISTENING_CHANNEL } from '../common/lifecycle/listening.js';
import { SETTLED_NAMES_BANNER, settleNames } from './settled-names.js';

const UNMINIFIED = `"use strict";
var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });`;
const MINIFIED = '"use strict";var Uk=Object.defineProperty;var o=(r,e)=>Uk(r,"name",{value:e,configurable:!0});';

/**
 * Runs a bundle's start with the banner, then names a function and a class before and after the
 * server listens; answers the names they got.
 */
function namesFrom(bundleStart: string, helper: string) {
  const run = new Function(
    'require',
    `${SETTLED_NAMES_BANNER}\n${settleNames(bundleStart)}
     const name = () => ({
       fn: ${helper}(function () {}, 'handler').name,
       arrow: ${helper}(() => 1, 'arrow').name,
       cls: ${helper}(class {}, 'GameStore').name,
       named: ${helper}(class GameStore2 {}, 'GameStore').name,
     });
     return { name };`,
  ) as (r: NodeJS.Require) => { name: () => Record<string, string> };
  return run(createRequire(import.meta.url));
}

describe('settleNames (the bundle stops naming what it creates once the server listens)', () => {
  it.each([
    ['unminified', UNMINIFIED, '__name'],
    ['minified', MINIFIED, 'o'],
  ])('%s: names everything until listening, then nothing', (_kind, code, helper) => {
    const bundle = namesFrom(code, helper);
    const before = bundle.name();
    channel(LISTENING_CHANNEL).publish({ dataDir: '/tmp' });
    const after = bundle.name();
    expect(before).toEqual({ fn: 'handler', arrow: 'arrow', cls: 'GameStore', named: 'GameStore' });
    // Created after: the engine's own names.
    expect(after).toEqual({ fn: '', arrow: '', cls: '', named: 'GameStore2' });
  });

  it('refuses a bundle without the helper, or with it twice, rather than ship it unchanged', () => {
    expect(() => settleNames('"use strict";')).toThrow(/found it 0 times/);
    expect(() => settleNames(MINIFIED + MINIFIED)).toThrow(/found it 2 times/);
  });
});
