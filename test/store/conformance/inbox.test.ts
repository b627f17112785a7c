import { expect, it } from 'vitest';
import { describeEachStoreAdapter } from '../adapters.ts';
import { notification, signalAt as now } from './signal-fixtures.ts';

describeEachStoreAdapter('inbox', (adapter) => {
  it('stores a MessageId once; a redelivery is a duplicate', async () => {
    const store = await adapter.open();
    expect(await store.saveNotification(notification('m1'))).toBe('stored');
    expect(await store.saveNotification(notification('m1'))).toBe('duplicate');
    expect(await store.listDueNotifications(now, 10)).toHaveLength(1);
  });

  it.skipIf(!adapter.reopen)(
    'keeps pending notifications across a reopen (what a crash leaves)',
    async () => {
      const store = await adapter.open();
      await store.saveNotification(notification('m1'));
      const reopened = await adapter.reopen!(store);
      const due = await reopened.listDueNotifications(now, 10);
      expect(due.map((item) => item.messageId)).toEqual(['m1']);
    },
  );

  it('retries a failed notification at its retry time, and marks it failed for good without one', async () => {
    const store = await adapter.open();
    await store.saveNotification(notification('m1'));
    await store.saveNotification(notification('m2'));
    await store.recordNotificationFailure('m1', 'boom', new Date(now.getTime() + 60_000));
    await store.recordNotificationFailure('m2', 'boom', undefined);
    expect(await store.listDueNotifications(now, 10)).toEqual([]);
    const later = await store.listDueNotifications(new Date(now.getTime() + 60_000), 10);
    expect(later.map((item) => [item.messageId, item.attempts])).toEqual([['m1', 1]]);
    expect(await store.countNotifications('failed')).toBe(1);
  });
});
