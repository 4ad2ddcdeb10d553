import { DEAD_LETTER_TOPIC, type IncomingMessage, type MessageBus, type Subscription } from '@spice/domain';
import { uniqueName } from './stacks.int-support';

/** Reads the dead-letter topic as an operator's tool would: its own consumer group, from the beginning. */
export async function watchDeadLetterTopic(bus: MessageBus): Promise<{ messages: IncomingMessage[]; subscription: Subscription }> {
  const messages: IncomingMessage[] = [];
  await bus.ensureTopic(DEAD_LETTER_TOPIC, { partitions: 1 });
  const subscription = await bus.subscribe({
    topic: DEAD_LETTER_TOPIC,
    groupId: uniqueName('dlq-watch'),
    fromBeginning: true,
    handle: async (m) => void messages.push(m),
  });
  return { messages, subscription };
}
