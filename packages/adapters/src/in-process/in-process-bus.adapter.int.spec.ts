import { testMessageBus } from '@spice/domain/contracts';
import { InProcessBus } from './in-process-bus.adapter';

testMessageBus('in-process', async () => {
  const bus = new InProcessBus({ redeliveryDelayMs: 20 });
  return { bus, cleanup: () => bus.close() };
});
