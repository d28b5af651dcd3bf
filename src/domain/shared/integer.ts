/**
 * A whole number: a count, a score, a seq, a period, tenths of a second. TypeScript has one
 * `number`; this name says which of them are whole, and the AsyncAPI document of the socket
 * events (docs/asyncapi.json) calls them `integer`, as the OpenAPI document does.
 *
 * @asType integer
 */
export type Integer = number;
