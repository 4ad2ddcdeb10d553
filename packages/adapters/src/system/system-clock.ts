import { uuidv7 } from 'uuidv7';
import type { Clock, IdGenerator } from '@spice/domain';

export const systemClock: Clock = { now: () => new Date() };

export const uuidV7Ids: IdGenerator = {
  uuid: () => uuidv7(),
  prefixed: (prefix) => `${prefix}_${uuidv7().replaceAll('-', '')}`,
};
