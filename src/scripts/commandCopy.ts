import { copyToClipboard } from './clipboard.ts';
import { t } from './pageLocale.ts';

/**
 * Each command's own copy button (CommandLine.astro): shown once it works, it
 * copies the command exactly as shown. A build without SITE_URL wrote its
 * commands for its default origin: they are shown with the address this page
 * was loaded from, which is where the catalog is.
 */
export function wireCommandCopy(): void {
  for (const line of document.querySelectorAll<HTMLElement>('[data-command-line][data-built-origin]')) {
    const code = line.querySelector('code')!;
    code.textContent = code.textContent!.replaceAll(line.dataset.builtOrigin!, window.location.origin);
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-command]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const command = button.parentElement!.querySelector('code')!.textContent!;
      button.textContent = (await copyToClipboard(command)) ? t('copy.copied') : t('copy.pressKeys');
      setTimeout(() => (button.textContent = t('copy.copy')), 2000);
    });
  }
}
