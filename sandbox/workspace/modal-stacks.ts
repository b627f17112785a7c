import { z } from 'zod';
import type { Clock } from '../../src/clock.ts';
import type { Json, UiModal } from './ui-contract.ts';

/**
 * The modals each person sees, as Slack's client keeps them: opened, pushed and updated by the
 * app's views.* calls, and changed by the app's answer to a view_submission (`response_action`)
 * or by the person closing one. The emulator knows only the Web API half, so the UI keeps this.
 */
export class ModalStacks {
  private readonly stacks = new Map<string, UiModal[]>();
  private localIds = 0;

  constructor(private readonly clock: Clock) {}

  stack(userId: string): UiModal[] {
    return this.stacks.get(userId) ?? [];
  }

  find(userId: string, viewId: string): UiModal | undefined {
    return this.stack(userId).find((modal) => modal.view['id'] === viewId);
  }

  /** views.open: a new stack with this view alone. */
  opened(userId: string, view: Json): void {
    this.stacks.set(userId, [{ view, errors: {} }]);
  }

  /** views.push: on top of the person's stack. */
  pushed(userId: string, view: Json): void {
    this.stacks.set(userId, [...this.stack(userId), { view, errors: {} }]);
  }

  /** views.update: wherever the view is shown, it is replaced (errors go with the old content). */
  updated(view: Json): void {
    for (const [userId, stack] of this.stacks) {
      this.stacks.set(
        userId,
        stack.map((modal) => (modal.view['id'] === view['id'] ? { view, errors: {} } : modal)),
      );
    }
  }

  /** The person closed (or the app's plain ack closed) one view; the ones under it stay. */
  remove(userId: string, viewId: string): UiModal | undefined {
    const stack = this.stack(userId);
    const removed = stack.find((modal) => modal.view['id'] === viewId);
    this.stacks.set(
      userId,
      stack.filter((modal) => modal.view['id'] !== viewId),
    );
    return removed;
  }

  clear(userId: string): void {
    this.stacks.delete(userId);
  }

  /**
   * The app's answer to a submission of `viewId`: empty closes that view; `errors` keeps it open
   * with the messages; `update` replaces it; `push` adds one on top; `clear` closes them all.
   * Returns a problem to show when the answer is not one Slack would accept.
   */
  applySubmissionAnswer(userId: string, viewId: string, answerText: string): string | undefined {
    if (answerText.trim() === '') {
      this.remove(userId, viewId);
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(answerText);
    } catch {
      return `warroom answered the submission with something that is not JSON: ${answerText.slice(0, 200)}`;
    }
    const answer = responseActionSchema.safeParse(parsed);
    if (!answer.success) {
      if (z.object({}).strict().safeParse(parsed).success) {
        this.remove(userId, viewId);
        return undefined;
      }
      return `Slack would refuse this submission answer: ${answerText.slice(0, 200)}`;
    }
    const current = this.find(userId, viewId);
    switch (answer.data.response_action) {
      case 'errors':
        if (current) current.errors = answer.data.errors;
        return undefined;
      case 'clear':
        this.clear(userId);
        return undefined;
      case 'update':
        if (current) {
          current.view = this.updatedView(answer.data.view, current.view);
          current.errors = {};
        }
        return undefined;
      case 'push':
        this.pushed(userId, this.pushedView(answer.data.view, current?.view));
        return undefined;
    }
  }

  /** A view made from a response_action, as Slack stores it: identity fields and a fresh hash. */
  private storedView(view: Json, identity: { id: string; root: unknown; previous: unknown }): Json {
    this.localIds += 1;
    return {
      ...view,
      id: identity.id,
      type: 'modal',
      hash: `${Math.floor(this.clock.now().getTime() / 1000)}.ui${this.localIds}`,
      private_metadata: view['private_metadata'] ?? '',
      callback_id: view['callback_id'] ?? '',
      state: { values: {} },
      root_view_id: identity.root,
      previous_view_id: identity.previous,
    };
  }

  private updatedView(view: Json, replacing: Json): Json {
    return this.storedView(view, {
      id: String(replacing['id']),
      root: replacing['root_view_id'] ?? replacing['id'],
      previous: replacing['previous_view_id'] ?? null,
    });
  }

  private pushedView(view: Json, below: Json | undefined): Json {
    const id = `VUI${String(this.localIds + 1).padStart(7, '0')}`;
    return this.storedView(view, {
      id,
      root: below?.['root_view_id'] ?? id,
      previous: below?.['id'] ?? null,
    });
  }
}

const viewSchema = z.record(z.string(), z.unknown());
const responseActionSchema = z.discriminatedUnion('response_action', [
  z.object({ response_action: z.literal('errors'), errors: z.record(z.string(), z.string()) }),
  z.object({ response_action: z.literal('clear') }),
  z.object({ response_action: z.literal('update'), view: viewSchema }),
  z.object({ response_action: z.literal('push'), view: viewSchema }),
]);
