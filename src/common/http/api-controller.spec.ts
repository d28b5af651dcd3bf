import 'reflect-metadata';
import type { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, MODULE_METADATA } from '@nestjs/common/constants.js';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppModule } from '../../app.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { LiveGateway } from '../../live/live.gateway.js';
import { HttpInterceptors } from './http-interceptors.js';

type Import = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** Every module the app imports, with its controllers and providers (static and dynamic parts). */
async function walk(root: DynamicModule) {
  const seen = new Set<unknown>();
  const controllers = new Set<Type>();
  const providers: Provider[] = [];
  const visit = async (entry: Import | undefined): Promise<void> => {
    if (!entry) return;
    const resolved = entry instanceof Promise ? await entry : entry;
    const item = 'forwardRef' in resolved ? (resolved.forwardRef() as Import) : resolved;
    const dynamic = 'module' in item ? item : null;
    const cls = dynamic ? dynamic.module : (item as Type);
    if (seen.has(dynamic ?? cls)) return;
    seen.add(dynamic ?? cls);
    const meta = <T>(key: string): T[] => (Reflect.getMetadata(key, cls) as T[] | undefined) ?? [];
    for (const c of [...meta<Type>(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])]) controllers.add(c);
    providers.push(...meta<Provider>(MODULE_METADATA.PROVIDERS), ...(dynamic?.providers ?? []));
    for (const i of [...meta<Import>(MODULE_METADATA.IMPORTS), ...((dynamic?.imports ?? []) as Import[])])
      await visit(i);
  };
  await visit(root);
  return { controllers: [...controllers], providers };
}

describe('@ApiController', () => {
  let app: Awaited<ReturnType<typeof walk>>;
  beforeAll(async () => {
    app = await walk(AppModule.forRoot({} as AppConfig));
  });

  it('binds the HTTP interceptors to every controller the app serves', () => {
    const { controllers } = app;
    // All of them (25 when this was written): the walk must find the feature modules' controllers.
    expect(controllers.length).toBeGreaterThanOrEqual(25);
    const without = controllers
      .filter(
        (c) =>
          !((Reflect.getMetadata(INTERCEPTORS_METADATA, c) as unknown[] | undefined) ?? []).includes(HttpInterceptors),
      )
      .map((c) => c.name);
    expect(without).toEqual([]);
  });

  it('leaves no global interceptor and none on the gateway, so socket commands skip them', () => {
    const { providers } = app;
    const global = providers.filter((p) => typeof p === 'object' && 'provide' in p && p.provide === APP_INTERCEPTOR);
    expect(global).toEqual([]);
    const onGateway = [
      Reflect.getMetadata(INTERCEPTORS_METADATA, LiveGateway),
      ...Object.values(Object.getOwnPropertyDescriptors(LiveGateway.prototype))
        .map((d) => d.value as unknown)
        .filter((method): method is object => typeof method === 'function')
        .map((method) => Reflect.getMetadata(INTERCEPTORS_METADATA, method)),
    ].filter((m) => m !== undefined);
    expect(onGateway).toEqual([]);
  });
});
