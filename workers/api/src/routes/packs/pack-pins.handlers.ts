import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { listPins } from '../../services/pack-pins/list.ts';
import { pinPackVersion } from '../../services/pack-pins/pin.ts';
import { presentPin } from '../../services/pack-pins/present.ts';
import { unpinPackVersion } from '../../services/pack-pins/unpin.ts';
import type { createPinRoute, deletePinRoute, listPinsRoute } from './pack-pins.routes.ts';

export const listPackPins: H<typeof listPinsRoute> = async (c) => {
  const pins = await listPins({ ctx: serviceContext(c), input: c.req.valid('query') });
  return c.json(pins, 200);
};

export const createPackPin: H<typeof createPinRoute> = async (c) => {
  const pin = await pinPackVersion({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(presentPin(pin), 201, { Location: `/v1/pack-pins/${pin.id}` });
};

export const deletePackPin: H<typeof deletePinRoute> = async (c) => {
  await unpinPackVersion({ ctx: serviceContext(c), input: c.req.valid('param') });
  return c.body(null, 204);
};
