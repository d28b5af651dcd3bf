import { applyDecorators, Controller, UseInterceptors, type ControllerOptions } from '@nestjs/common';
import { HttpInterceptors } from './http-interceptors.js';

/**
 * `@Controller` as every HTTP controller here declares itself: the route prefix or options, and
 * the app's HTTP interceptors (a spreadsheet by Accept, kept and shared public reads).
 *
 * They are bound per controller and not as a global interceptor (`APP_INTERCEPTOR`), because
 * Nest applies global interceptors to socket.io commands as well: even one that only hands a
 * command on wraps every scorekeeper's play in a deferred Observable, two async resources and
 * rxjs subscriptions, about a sixth of what a play allocated (bench/README.md, eighteenth
 * session). With none bound to the gateway, a command goes from the guards and pipes straight
 * to its handler. `@Controller` itself is not imported anywhere else (eslint.config.js), and a
 * test walks the modules to find any controller without this.
 */
export function ApiController(prefixOrOptions?: string | ControllerOptions): ClassDecorator {
  return applyDecorators(Controller(prefixOrOptions as string), UseInterceptors(HttpInterceptors));
}
