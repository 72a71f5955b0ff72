import { createHash } from 'node:crypto';
import { withBase } from './urls.ts';

/**
 * The one inline script of the site. It runs before first paint so a pinned
 * theme never flashes the other one, and so notes meant for visitors without
 * JavaScript can hide without a layout shift. The CSP allows it by hash.
 */
export const THEME_INIT_SCRIPT =
  "document.documentElement.classList.add('js');" +
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Scripts come only from the site itself (no inline code but the theme
 * script); Pagefind needs WebAssembly compilation, nothing needs eval.
 */
const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': `'self' 'wasm-unsafe-eval' ${sha256(THEME_INIT_SCRIPT)}`,
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The policy as a header value; `<meta>` ignores frame-ancestors, so it is left out there. */
export function contentSecurityPolicy(forMeta = false): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => !(forMeta && name === 'frame-ancestors'))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Paths whose file names change whenever their content does. Everything else
 * (HTML, Pagefind's entry files) keeps the host's default of revalidating on
 * every request. The patterns never overlap, because hosts disagree on how to
 * merge one header set by two matching rules.
 */
function immutablePaths(base: string, otherLanguages: readonly string[]): string[] {
  // The index is built in parts (src/lib/build/searchParts.ts): part 1 onwards sit in pagefind/part-N/;
  // each language other than the default has its own, in /<lang>/pagefind/.
  const bundles = ['', ...otherLanguages.map((lang) => `/${lang}`)].flatMap((prefix) => [`${prefix}/pagefind/`, `${prefix}/pagefind/part-*/`]);
  const pagefind = bundles.flatMap((root) => ['index', 'fragment', 'filter'].map((dir) => `${root}${dir}/*`));
  return ['/_astro/*', ...pagefind].map((path) => withBase(base, path));
}

/** _headers for Netlify and Cloudflare Pages. */
export function headersFile(base: string, otherLanguages: readonly string[] = []): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    block(withBase(base, '/*'), SECURITY_HEADERS),
    ...immutablePaths(base, otherLanguages).map((path) => block(path, { 'Cache-Control': IMMUTABLE })),
  ].join('\n\n') + '\n';
}
