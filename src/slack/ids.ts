/** Every Slack action, block, view and metadata id warroom uses: one place, no literals elsewhere. */
export const BLOCK_IDS = {
  cardHeader: 'warroom_card_header',
  cardFields: 'warroom_card_fields',
  cardLatestSignal: 'warroom_card_latest_signal',
  cardFacts: 'warroom_card_facts',
  cardRecovered: 'warroom_card_recovered',
  cardRaw: 'warroom_card_raw',
  cardFooter: 'warroom_card_footer',
  cardLinks: 'warroom_card_links',
} as const;

export const ACTION_IDS = {
  openConsole: 'warroom_open_console',
  openIncidentManager: 'warroom_open_incident_manager',
} as const;

/** Message metadata event type on every card: finds a card posted just before a crash. */
export const CARD_METADATA_EVENT_TYPE = 'warroom_incident_card';
