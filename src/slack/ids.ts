/** Every Slack action, block, view and metadata id warroom uses: one place, no literals elsewhere. */
export const BLOCK_IDS = {
  cardHeader: 'warroom_card_header',
  cardFields: 'warroom_card_fields',
  cardLatestSignal: 'warroom_card_latest_signal',
  cardSevereSignal: 'warroom_card_severe_signal',
  cardFacts: 'warroom_card_facts',
  cardRecovered: 'warroom_card_recovered',
  cardRaw: 'warroom_card_raw',
  cardFooter: 'warroom_card_footer',
  cardActions: 'warroom_card_actions',
  cardChannelError: 'warroom_card_channel_error',
  cardRouteWarning: 'warroom_card_route_warning',
  cardSummary: 'warroom_card_summary',
  cardStorm: 'warroom_card_storm',
  cardSnooze: 'warroom_card_snooze',
  cardLatestUpdate: 'warroom_card_latest_update',
  cardDurations: 'warroom_card_durations',
  cardReopened: 'warroom_card_reopened',
  cardReview: 'warroom_card_review',
  reviewThread: 'warroom_review_thread',
  reviewActions: 'warroom_review_actions',
  noteInput: 'warroom_note_input',
  updateInput: 'warroom_update_input',
  updateImpactInput: 'warroom_update_impact_input',
  summaryInput: 'warroom_summary_input',
  reasonInput: 'warroom_reason_input',
  titleInput: 'warroom_title_input',
  impactInput: 'warroom_impact_input',
  runbookRun: 'warroom_runbook_run',
  runbookRunActions: 'warroom_runbook_run_actions',
  runbookChoice: 'warroom_runbook_choice',
  runbookPlan: 'warroom_runbook_plan',
  runbookApproval: 'warroom_runbook_approval',
  runbookApprovalActions: 'warroom_runbook_approval_actions',
  runbookAlreadyRunning: 'warroom_runbook_already_running',
  runbookRunAgainActions: 'warroom_runbook_run_again_actions',
  pageSummary: 'warroom_page_summary',
  pageActions: 'warroom_page_actions',
  followUpTitleInput: 'warroom_follow_up_title_input',
  followUpOwnerInput: 'warroom_follow_up_owner_input',
  followUpDueInput: 'warroom_follow_up_due_input',
  /** One input block per editable parameter: this prefix and the parameter's name. */
  runbookParameterPrefix: 'warroom_runbook_param_',
} as const;

export const ACTION_IDS = {
  openConsole: 'warroom_open_console',
  openIncidentManager: 'warroom_open_incident_manager',
  acknowledge: 'warroom_acknowledge',
  splitFromStorm: 'warroom_split_from_storm',
  impactSelect: 'warroom_impact_select',
  addNote: 'warroom_add_note',
  /** Post update on the card: the status update modal, impact and status prefilled. */
  postUpdate: 'warroom_post_update',
  resolve: 'warroom_resolve',
  reopen: 'warroom_reopen',
  review: 'warroom_review',
  completeReview: 'warroom_complete_review',
  /** A "Check snapshot" button on a snapshot's card (and, on cards drawn before the menu, Check database). */
  checkDatabase: 'warroom_check_database',
  /** The card's overflow menu of `/incident rds`: status, check, logs, snapshot. */
  databaseMenu: 'warroom_database_menu',
  /** "Take snapshot" in the confirmation the menu's Snapshot answers with. */
  takeSnapshot: 'warroom_take_snapshot',
  /** "Run <runbook>" beside a ✗ of the database check: opens the runbook modal with it chosen. */
  runRemediation: 'warroom_run_remediation',
  noteText: 'warroom_note_text',
  updateText: 'warroom_update_text',
  summaryText: 'warroom_summary_text',
  reasonText: 'warroom_reason_text',
  titleText: 'warroom_title_text',
  impactChoice: 'warroom_impact_choice',
  runRunbook: 'warroom_run_runbook',
  runbookChoice: 'warroom_runbook_choice',
  runbookParameter: 'warroom_runbook_parameter',
  runbookStop: 'warroom_runbook_stop',
  runbookApprove: 'warroom_runbook_approve',
  runbookReject: 'warroom_runbook_reject',
  /** "Run again anyway" when the same runbook runs on the same target: a deliberate second run. */
  runbookRunAgain: 'warroom_runbook_run_again',
  /** "Take it" in a page's DM: acknowledge and become the incident's owner. */
  takeIncident: 'warroom_take_incident',
  /** "Page on-call" on the card: pings the first stage of the incident's escalation policy. */
  pageOnCall: 'warroom_page_on_call',
  /** "Join" in a page DM asking for help: into the incident's channel, or said in the card's thread. */
  joinIncident: 'warroom_join_incident',
  /** "Snooze 30 min" in a page DM: pauses escalation and reminders, as `/incident snooze` does. */
  snoozeIncident: 'warroom_snooze_incident',
  /** Done / Reopen beside a follow-up (value: `<follow-up id>|<list scope>`). */
  followUpDone: 'warroom_follow_up_done',
  followUpReopen: 'warroom_follow_up_reopen',
  followUpTitle: 'warroom_follow_up_title',
  followUpOwner: 'warroom_follow_up_owner',
  followUpDue: 'warroom_follow_up_due',
  /** "Open incident" in a page DM: the incident as /incident show draws it, with a link to its card. */
  openIncident: 'warroom_open_incident',
} as const;

export const VIEW_IDS = {
  noteModal: 'warroom_note_modal',
  updateModal: 'warroom_update_modal',
  resolveModal: 'warroom_resolve_modal',
  reopenModal: 'warroom_reopen_modal',
  declareModal: 'warroom_declare_modal',
  runbookModal: 'warroom_runbook_modal',
  appHome: 'warroom_app_home',
  followUpModal: 'warroom_follow_up_modal',
} as const;

/** Message shortcut and slash command names; the manifest declares the same. */
export const SHORTCUT_IDS = {
  addToTimeline: 'warroom_add_to_timeline',
  makeFollowUp: 'warroom_make_follow_up',
} as const;
export const SLASH_COMMAND = '/incident';

/** Message metadata event type on every card: finds a card posted just before a crash. */
export const CARD_METADATA_EVENT_TYPE = 'warroom_incident_card';

/** Metadata event types on thread messages warroom posts once and may need to find after a crash. */
export const THREAD_METADATA_EVENT_TYPES = {
  runbookRun: 'warroom_runbook_run',
  runbookRequest: 'warroom_runbook_request',
  snapshotReport: 'warroom_snapshot_report',
  /** A page's mention in the card's thread (id: the page's dedupe key). */
  page: 'warroom_page',
} as const;

/** Metadata event type on a page's direct message (id: the page's dedupe key): found after a lost answer. */
export const PAGE_DM_METADATA_EVENT_TYPE = 'warroom_page_dm';
