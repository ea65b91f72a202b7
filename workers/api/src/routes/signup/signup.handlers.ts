import { publicContext } from '../../lib/context.ts';
import type { Handler } from '../../lib/types.ts';
import { signUp } from '../../services/tenants/sign-up.ts';
import type { signUpRoute } from './signup.routes.ts';

export const signUpHandler: Handler<typeof signUpRoute> = async (c) => {
  const result = await signUp({ ctx: publicContext(c), input: c.req.valid('json') });
  return c.json(result, 201);
};
