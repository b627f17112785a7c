import { z } from 'zod';
import type { SlackHandlerDeps } from '../../src/app.ts';
import { findHomeCard, type PointedIncident } from '../../src/incidents/index.ts';
import { CARD_METADATA_EVENT_TYPE } from '../../src/slack/ids.ts';

/** A card button's value (`{"seq":7,"v":3}`), a modal's private_metadata (`{"seq":7,…}`). */
const seqJson = z
  .string()
  .transform((raw, ctx): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.looseObject({ seq: z.number().int().positive() }));

/** The fields of an interaction that can name its incident; each optional, a bad one ignored. */
const pointersSchema = z.looseObject({
  actions: z
    .array(z.looseObject({ value: z.unknown() }))
    .optional()
    .catch(undefined),
  view: z.looseObject({ private_metadata: z.unknown() }).optional().catch(undefined),
  message: z
    .looseObject({
      ts: z.string().optional().catch(undefined),
      text: z.unknown(),
      metadata: z
        .looseObject({ event_type: z.unknown(), event_payload: z.looseObject({ incident_seq: z.unknown() }) })
        .optional()
        .catch(undefined),
      blocks: z
        .array(
          z.looseObject({ elements: z.array(z.looseObject({ value: z.unknown() })).optional() }).catch({}),
        )
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  container: z
    .looseObject({ channel_id: z.string().optional(), message_ts: z.string().optional() })
    .optional()
    .catch(undefined),
  channel: z.looseObject({ id: z.string().optional() }).optional().catch(undefined),
});

type Pointers = z.infer<typeof pointersSchema>;

function seqIn(value: unknown): number | undefined {
  const json = seqJson.safeParse(value);
  if (json.success) return json.data.seq;
  const named = typeof value === 'string' ? /\bINC-(\d{1,9})\b/i.exec(value) : null;
  return named ? Number(named[1]) : undefined;
}

/** In order of trust: what was clicked or submitted, then the card it was on (metadata, buttons). */
function namedSeq(pointers: Pointers): number | undefined {
  const metadata = pointers.message?.metadata;
  const candidates: unknown[] = [
    pointers.actions?.[0]?.value,
    pointers.view?.private_metadata,
    metadata?.event_type === CARD_METADATA_EVENT_TYPE
      ? `INC-${metadata.event_payload.incident_seq}`
      : undefined,
    ...(pointers.message?.blocks ?? []).flatMap((block) =>
      (block.elements ?? []).map((element) => element.value),
    ),
    pointers.message?.text,
  ];
  for (const candidate of candidates) {
    const seq = seqIn(candidate);
    if (seq !== undefined) return seq;
  }
  return undefined;
}

/**
 * The incident an interaction warroom has no listener for is about, when the payload says: a seq
 * in the clicked value or the modal's metadata, the card's metadata or its other buttons, an
 * `INC-<n>` in its text, or else the card (channel + message ts) or incident channel it was in.
 * `cardLink` asks Slack for the card's permalink too (one more call).
 */
export async function findPointedIncident(
  deps: Pick<SlackHandlerDeps, 'store' | 'slack' | 'config' | 'logger'>,
  body: unknown,
  options: { cardLink: boolean },
): Promise<PointedIncident> {
  const parsed = pointersSchema.safeParse(body);
  if (!parsed.success) return { kind: 'none' };
  const pointers = parsed.data;
  const seq = namedSeq(pointers);
  const channel = pointers.container?.channel_id ?? pointers.channel?.id;
  const ts = pointers.container?.message_ts ?? pointers.message?.ts;
  const incident =
    seq !== undefined
      ? await deps.store.getIncident(seq)
      : ((channel && ts ? await deps.store.findIncidentByCard(channel, ts) : undefined) ??
        (channel ? await deps.store.findIncidentByChannel(channel) : undefined));
  if (!incident) return seq !== undefined ? { kind: 'gone', seq } : { kind: 'none' };
  if (!options.cardLink) return { kind: 'found', incident };
  return { kind: 'found', incident, cardLink: await cardLinkOf(deps, incident.seq, incident.slackPermalink) };
}

async function cardLinkOf(
  deps: Pick<SlackHandlerDeps, 'store' | 'slack' | 'config' | 'logger'>,
  seq: number,
  known: string | undefined,
): Promise<string | undefined> {
  if (known) return known;
  const { card } = await findHomeCard(deps.store, seq, deps.config.slack.alertChannel);
  if (!card?.ts) return undefined;
  try {
    return (await deps.slack.permalink(card.channel, card.ts)) || undefined;
  } catch (error) {
    deps.logger.warn({ err: error, seq }, 'no permalink for the card of an older interaction');
    return undefined;
  }
}
