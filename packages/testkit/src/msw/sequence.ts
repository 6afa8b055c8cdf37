import type { DefaultBodyType, HttpResponseResolver, PathParams } from 'msw';

/**
 * A resolver that answers the first request with the first resolver, the second with the
 * second, and so on; the last one answers every later request. For "503 twice, then 200".
 *
 * @example
 * ```ts
 * server.use(http.post(url, sequence(serverError(503), serverError(503), () => HttpResponse.json(ok))));
 * ```
 */
export function sequence<
  Params extends PathParams<keyof Params> = PathParams,
  RequestBody extends DefaultBodyType = DefaultBodyType,
  ResponseBody extends DefaultBodyType = DefaultBodyType,
>(
  ...resolvers: HttpResponseResolver<Params, RequestBody, ResponseBody>[]
): HttpResponseResolver<Params, RequestBody, ResponseBody> {
  if (resolvers.length === 0)
    throw new TypeError('[reelsmith/testkit] sequence() needs at least one resolver.');
  let next = 0;
  return (info) => {
    const resolver = resolvers[Math.min(next, resolvers.length - 1)]!;
    next += 1;
    return resolver(info);
  };
}
