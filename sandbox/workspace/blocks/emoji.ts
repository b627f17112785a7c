/**
 * Emoji shortcodes → Unicode: the ones warroom writes (`:rotating_light:`, `:hourglass:`) and the
 * common ones people type in incident channels. Unknown shortcodes stay as text, as Slack shows a
 * custom emoji it cannot find.
 */
const EMOJI: Record<string, string> = {
  rotating_light: '🚨',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  alarm_clock: '⏰',
  stopwatch: '⏱️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  x: '❌',
  negative_squared_cross_mark: '❎',
  heavy_multiplication_x: '✖️',
  warning: '⚠️',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  fire: '🔥',
  boom: '💥',
  zap: '⚡',
  rocket: '🚀',
  tada: '🎉',
  eyes: '👀',
  bell: '🔔',
  no_bell: '🔕',
  sos: '🆘',
  ambulance: '🚑',
  pager: '📟',
  telephone_receiver: '📞',
  red_circle: '🔴',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  large_green_circle: '🟢',
  large_blue_circle: '🔵',
  large_purple_circle: '🟣',
  white_circle: '⚪',
  black_circle: '⚫',
  lock: '🔒',
  unlock: '🔓',
  closed_lock_with_key: '🔐',
  key: '🔑',
  mag: '🔍',
  bulb: '💡',
  memo: '📝',
  pencil: '📝',
  pencil2: '✏️',
  pushpin: '📌',
  link: '🔗',
  clipboard: '📋',
  calendar: '📆',
  date: '📅',
  information_source: 'ℹ️',
  question: '❓',
  grey_question: '❔',
  exclamation: '❗',
  heavy_exclamation_mark: '❗',
  bangbang: '‼️',
  heavy_minus_sign: '➖',
  heavy_plus_sign: '➕',
  arrows_counterclockwise: '🔄',
  repeat: '🔁',
  arrow_right: '➡️',
  arrow_left: '⬅️',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  arrow_upper_right: '↗️',
  double_vertical_bar: '⏸️',
  pause_button: '⏸️',
  black_square_for_stop: '⏹️',
  stop_button: '⏹️',
  arrow_forward: '▶️',
  construction: '🚧',
  wrench: '🔧',
  hammer: '🔨',
  hammer_and_wrench: '🛠️',
  gear: '⚙️',
  package: '📦',
  computer: '💻',
  cloud: '☁️',
  floppy_disk: '💾',
  card_file_box: '🗃️',
  file_cabinet: '🗄️',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  bar_chart: '📊',
  bug: '🐛',
  beetle: '🐞',
  skull: '💀',
  ok: '🆗',
  new: '🆕',
  '100': '💯',
  '+1': '👍',
  thumbsup: '👍',
  '-1': '👎',
  thumbsdown: '👎',
  ok_hand: '👌',
  clap: '👏',
  wave: '👋',
  pray: '🙏',
  raised_hands: '🙌',
  muscle: '💪',
  point_right: '👉',
  heart: '❤️',
  broken_heart: '💔',
  smile: '😄',
  smiley: '😃',
  grinning: '😀',
  grin: '😁',
  joy: '😂',
  sweat_smile: '😅',
  slightly_smiling_face: '🙂',
  upside_down_face: '🙃',
  wink: '😉',
  thinking_face: '🤔',
  face_palm: '🤦',
  facepalm: '🤦',
  scream: '😱',
  cry: '😢',
  sob: '😭',
  sleeping: '😴',
  sunglasses: '😎',
  party_parrot: '🦜',
  star: '⭐',
  sparkles: '✨',
  checkered_flag: '🏁',
  triangular_flag_on_post: '🚩',
  dart: '🎯',
  coffee: '☕',
  hugging_face: '🤗',
};

/** The Unicode for a shortcode name (without colons), or undefined when it is not known here. */
export function emojiFor(name: string): string | undefined {
  return EMOJI[name.toLowerCase()];
}

/** Replaces every known `:shortcode:` in plain text; unknown ones and lone colons are left alone. */
export function replaceShortcodes(text: string): string {
  const pattern = /:([a-z0-9_+'-]+):/gi;
  let out = '';
  let last = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const emoji = emojiFor(match[1] ?? '');
    if (emoji === undefined) {
      // The closing colon may open the next shortcode ("aws:rds::fire:").
      pattern.lastIndex = match.index + match[0].length - 1;
      continue;
    }
    out += text.slice(last, match.index) + emoji;
    last = pattern.lastIndex;
  }
  return out + text.slice(last);
}

/**
 * A rich_text emoji element's character: its `unicode` code points (`1f6a8`, `1f1fa-1f1f8`) when
 * given and valid, else the shortcode map; undefined when neither knows it.
 */
export function emojiFromCodePoints(unicode: unknown): string | undefined {
  if (typeof unicode !== 'string' || !/^[0-9a-f]{1,6}(?:-[0-9a-f]{1,6})*$/i.test(unicode)) return undefined;
  const points = unicode.split('-').map((hex) => Number.parseInt(hex, 16));
  if (points.some((point) => point > 0x10ffff)) return undefined;
  return String.fromCodePoint(...points);
}
