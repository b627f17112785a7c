/** Every Slack action, block, view and metadata id warroom uses: one place, no literals elsewhere. */
export const BLOCK_IDS = {
  cardHeader: 'warroom_card_header',
  cardFields: 'warroom_card_fields',
  cardLatestSignal: 'warroom_card_latest_signal',
  cardFacts: 'warroom_card_facts',
  cardRecovered: 'warroom_card_recovered',
  cardRaw: 'warroom_card_raw',
  cardFooter: 'warroom_card_footer',
  cardActions: 'warroom_card_actions',
  cardChannelError: 'warroom_card_channel_error',
  cardSummary: 'warroom_card_summary',
  noteInput: 'warroom_note_input',
  summaryInput: 'warroom_summary_input',
  titleInput: 'warroom_title_input',
  impactInput: 'warroom_impact_input',
} as const;

export const ACTION_IDS = {
  openConsole: 'warroom_open_console',
  openIncidentManager: 'warroom_open_incident_manager',
  acknowledge: 'warroom_acknowledge',
  impactSelect: 'warroom_impact_select',
  addNote: 'warroom_add_note',
  resolve: 'warroom_resolve',
  reopen: 'warroom_reopen',
  noteText: 'warroom_note_text',
  summaryText: 'warroom_summary_text',
  titleText: 'warroom_title_text',
  impactChoice: 'warroom_impact_choice',
} as const;

export const VIEW_IDS = {
  noteModal: 'warroom_note_modal',
  resolveModal: 'warroom_resolve_modal',
  declareModal: 'warroom_declare_modal',
  appHome: 'warroom_app_home',
} as const;

/** Message shortcut and slash command names; the manifest declares the same. */
export const SHORTCUT_IDS = {
  addToTimeline: 'warroom_add_to_timeline',
} as const;
export const SLASH_COMMAND = '/incident';

/** Message metadata event type on every card: finds a card posted just before a crash. */
export const CARD_METADATA_EVENT_TYPE = 'warroom_incident_card';
