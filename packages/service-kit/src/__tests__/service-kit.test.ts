import { Writable } from 'node:stream';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ConfigError, createLogger, httpErrors, parseEnv, subgraphEnvSchema } from '../index';

function answer(handler: ReturnType<typeof httpErrors>, error: { status?: number; type?: string }) {
  let status = 0;
  let body: unknown;
  const response = {
    status(code: number) {
      status = code;
      return this;
    },
    json(value: unknown) {
      body = value;
      return this;
    },
  } as unknown as Response;
  handler(error, {} as Request, response, () => undefined);
  return { status, body };
}

const quiet = createLogger('test', 'silent', new Writable({ write: (_chunk, _encoding, done) => done() }));

describe('the parts every service shares', () => {
  it('answer what the HTTP layer refuses in GraphQL error form, a body too large coded as each service says', () => {
    expect(answer(httpErrors(quiet), { status: 400, type: 'entity.parse.failed' })).toEqual({
      status: 400,
      body: { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] },
    });
    expect(answer(httpErrors(quiet), { status: 413, type: 'entity.too.large' }).body).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(answer(httpErrors(quiet, 'PAYLOAD_TOO_LARGE'), { status: 413, type: 'entity.too.large' }).body).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(answer(httpErrors(quiet), {}).body).toEqual({
      errors: [{ message: 'The request could not be handled.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  it("read settings, naming every wrong variable, and a subgraph's port from the manifest when PORT is unset", () => {
    expect(parseEnv('kela', subgraphEnvSchema('kela'), {}).PORT).toBe(4002);
    expect(parseEnv('kela', subgraphEnvSchema('kela'), { PORT: '5000' }).PORT).toBe(5000);
    expect(parseEnv('registry', subgraphEnvSchema(4010), {}).PORT).toBe(4010);
    const wrong = () => parseEnv('kela', subgraphEnvSchema('kela').extend({ EXTRA: z.string().url() }), { PORT: 'x', LOG_LEVEL: 'loud', EXTRA: 'no' });
    expect(wrong).toThrow(ConfigError);
    expect(wrong).toThrow(/PORT/);
    expect(wrong).toThrow(/LOG_LEVEL/);
    expect(wrong).toThrow(/EXTRA/);
    expect(() => parseEnv('nobody', subgraphEnvSchema('nobody'), {})).toThrow(/"nobody" is not in .*supergraph\.yaml/);
  });
});
