/**
 * What the sandbox UI server and the browser page exchange (JSON over /api and Server-Sent
 * Events). Types only: compiled by both the Node and the browser tsconfig.
 */

export type Json = Record<string, unknown>;

export interface UiUser {
  id: string;
  name: string;
  realName: string;
  isBot: boolean;
}

export interface UiConversation {
  id: string;
  /** `alerts`, `inc-1-orders-db`; for a direct message the app's name. */
  label: string;
  kind: 'channel' | 'private' | 'im';
  members: string[];
}

export interface UiFile {
  id: string;
  name: string;
  title: string;
  /** Served by the UI server from the bytes the app uploaded. */
  url: string;
  isImage: boolean;
}

export interface UiReaction {
  name: string;
  count: number;
  users: string[];
}

/** Where a shown message came from: decides the container of a click on it. */
export type UiMessageOrigin = 'history' | 'ephemeral' | 'response';

export interface UiMessage {
  /** Unique in the channel: `h:<ts>`, `e:<n>`, `r:<n>`. */
  key: string;
  origin: UiMessageOrigin;
  channel: string;
  ts: string;
  /** Set on a thread reply (never equal to ts). */
  threadTs?: string;
  user: string;
  isBot: boolean;
  text: string;
  blocks?: Json[];
  files: UiFile[];
  reactions: UiReaction[];
  edited: boolean;
  replyCount: number;
  /** Shown only to the person viewing: ephemeral and response_url replies. */
  onlyVisibleToYou: boolean;
}

export interface UiModal {
  view: Json;
  /** `response_action: errors`: message per block_id. */
  errors: Record<string, string>;
}

export interface UiScenario {
  id: string;
  title: string;
  description: string;
}

export interface UiTimelineEvent {
  time: string;
  type: string;
  data: string;
}

export interface UiIncidentRecord {
  arn: string;
  title: string;
  status: string;
  impact: number;
  created: string;
  timeline: UiTimelineEvent[];
}

export interface UiAutomationExecution {
  id: string;
  document: string;
  status: string;
  started: string;
  parameters: Record<string, string[]>;
  steps: Array<{ name: string; status: string }>;
  failureMessage?: string;
}

export interface UiDatabase {
  kind: 'instance' | 'cluster';
  id: string;
  engine: string;
  status: string;
  detail: string;
}

export interface UiAwsState {
  incidents: UiIncidentRecord[];
  executions: UiAutomationExecution[];
  databases: UiDatabase[];
}

export interface UiSnapshot {
  version: number;
  teamName: string;
  botUserId: string;
  appName: string;
  users: UiUser[];
  usergroups: Array<{ id: string; handle: string }>;
  /** What `user` can see: public channels, private ones they are in, their direct messages. */
  conversations: UiConversation[];
  /** Per conversation id, oldest first, thread replies included. */
  messages: Record<string, UiMessage[]>;
  modals: UiModal[];
  home?: Json;
  scenarios: UiScenario[];
  /** Scenarios fired and still publishing their steps. */
  runningScenarios: string[];
  /** The manifest's message shortcuts, offered in each message's menu. */
  messageShortcuts: Array<{ name: string; callbackId: string }>;
  aws: UiAwsState;
  /** Things the person should know: a request warroom refused, a scenario that failed. */
  notices: string[];
  /** The drill running now, or the last one (with its debrief); absent before the first. */
  drill?: UiDrill;
}

/** What the team is told before a drill: the scenario's briefing and its checklist. */
export interface UiBriefing {
  scenarioId: string;
  title: string;
  description: string;
  /** `**bold**` and backticks as the scenario file writes them. */
  situation: string;
  roles: Array<{ role: string; tasks: string[] }>;
  checklist: string[];
}

export type UiDebriefOutcome = 'met' | 'missed' | 'ask';

/** One incident of the drill as warroom recorded it: who did what, and when. */
export interface UiDrillIncident {
  id: string;
  /** The resource it is about, or its title. */
  about: string;
  status: string;
  openedAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  impact: number;
  impactSetByPerson: boolean;
  notes: number;
  runbooks: string[];
  resolvedAt?: string;
  resolvedBy?: string;
  summary?: string;
}

export interface UiDebrief {
  /** `4 of 5 checks met, 1 for the team to answer`: every item listed is counted. */
  score: string;
  items: Array<{ label: string; outcome: UiDebriefOutcome; detail: string }>;
  incidents: UiDrillIncident[];
}

export interface UiDrill {
  briefing: UiBriefing;
  /** `real time`, `10× faster`, `fast`. */
  pace: string;
  startedAt: string;
  /** When the debrief began: the clock stops there. */
  endedAt?: string;
  phase: 'publishing' | 'waiting' | 'debriefing' | 'debriefed';
  published: number;
  total: number;
  /** Publishing was stopped before the last step. */
  stopped: boolean;
  debrief?: UiDebrief;
}

/** A control in a message, modal or App Home, read from the renderer's markup. */
export interface UiControlValue {
  blockId: string;
  actionId: string;
  element: Json;
  raw: string | string[] | null;
}

export type UiActionSource =
  | { kind: 'message'; channel: string; key: string }
  | { kind: 'view'; viewId: string };

export interface UiBlockActionRequest {
  user: string;
  source: UiActionSource;
  clicked: UiControlValue;
  /** The other stateful controls of the same message or view. */
  state: UiControlValue[];
}

/** Every mutating call answers this: whether warroom took it, and what to tell the person if not. */
export interface UiActionResult {
  ok: boolean;
  message?: string;
}
