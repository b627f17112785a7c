import type { MethodHandler } from '../method-context.ts';
import { SOCKET_MODE_PATH } from '../socket-mode-server.ts';

/**
 * apps.connections.open: a single-use WebSocket URL on the emulator's own port. Only an app-level
 * token (xapp-) may call it; the router answers `not_allowed_token_type` for a bot token.
 */
const connectionsOpen: MethodHandler = ({ baseUrl, socketTickets }) => {
  const wsBase = baseUrl.replace(/^http/, 'ws');
  return { url: `${wsBase}${SOCKET_MODE_PATH.slice(1)}?ticket=${socketTickets.issueTicket()}` };
};

export const appMethods: Record<string, MethodHandler> = { 'apps.connections.open': connectionsOpen };

/** Methods that take an app-level token and refuse any other (and refused by every other method). */
export const APP_TOKEN_METHODS: ReadonlySet<string> = new Set(Object.keys(appMethods));
