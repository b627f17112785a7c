/** Short messages at the bottom of the page: what Slack shows when an app fails to answer. */
export function showToast(text: string): void {
  const host = document.getElementById('toasts');
  if (!host) return;
  const toast = document.createElement('div');
  toast.className = 'ws-toast';
  toast.setAttribute('role', 'status');
  toast.setAttribute('data-testid', 'toast');
  toast.textContent = text;
  host.append(toast);
  setTimeout(() => toast.remove(), 8000);
}
