import { expect, it } from 'vitest';
import { INBOX_PARTS, inboxPartOf } from '../../../src/store/inbox-parts.ts';
import { describeEachStoreAdapter } from '../adapters.ts';
import { notification, signalAt as now } from './signal-fixtures.ts';

describeEachStoreAdapter('inbox', (adapter) => {
  it('lists one part of the inbox at a time: each due notification in exactly the part its MessageId names', async () => {
    const store = await adapter.open();
    const ids = Array.from({ length: 40 }, (_, i) => `part-${i}`);
    for (const [i, id] of ids.entries()) {
      await store.saveNotification({ ...notification(id), receivedAt: new Date(now.getTime() - 1000 + i) });
    }
    const parts = await Promise.all(
      Array.from({ length: INBOX_PARTS }, (_, part) => store.listDueNotifications(now, 100, part)),
    );
    parts.forEach((items, part) => {
      expect(items.every((item) => inboxPartOf(item.messageId) === part)).toBe(true);
      // Oldest received first within a part too.
      expect(items.map((item) => item.messageId)).toEqual(ids.filter((id) => inboxPartOf(id) === part));
    });
    expect(
      parts
        .flat()
        .map((item) => item.messageId)
        .sort(),
    ).toEqual([...ids].sort());
    const smallest = parts.findIndex((items) => items.length > 2);
    expect(await store.listDueNotifications(now, 2, smallest)).toEqual(parts[smallest]?.slice(0, 2));
  });

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
