import { copyToClipboard } from './clipboard.ts';
import { t } from './pageLocale.ts';

/** Each command's own copy button (CommandLine.astro): shown once it works, it copies the command exactly as shown. */
export function wireCommandCopy(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-command]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const command = button.parentElement!.querySelector('code')!.textContent!;
      button.textContent = (await copyToClipboard(command)) ? t('copy.copied') : t('copy.pressKeys');
      setTimeout(() => (button.textContent = t('copy.copy')), 2000);
    });
  }
}
