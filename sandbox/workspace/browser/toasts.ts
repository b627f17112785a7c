export interface Toast {
  dismiss(): void;
}

/**
 * Short messages at the bottom of the page: what Slack shows when an app fails to answer. A toast
 * goes after 8 s; a `sticky` one stays until dismissed (a scenario still publishing).
 */
export function showToast(text: string, options: { sticky?: boolean } = {}): Toast {
  const host = document.getElementById('toasts');
  if (!host) return { dismiss: () => {} };
  const toast = document.createElement('div');
  toast.className = 'ws-toast';
  toast.setAttribute('role', 'status');
  toast.setAttribute('data-testid', 'toast');
  toast.textContent = text;
  host.append(toast);
  if (!options.sticky) setTimeout(() => toast.remove(), 8000);
  return { dismiss: () => toast.remove() };
}
