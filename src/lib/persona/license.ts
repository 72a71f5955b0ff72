import parseSpdx from 'spdx-expression-parse';
import correctSpdx from 'spdx-correct';

/**
 * Licences as SPDX expressions (MIT, CC-BY-4.0, Apache-2.0 OR MIT,
 * LicenseRef-…): the form a package manifest, an Agent Skill and a Claude
 * Code plugin write them in, checked against the SPDX licence list.
 */
export function isLicenseExpression(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

/** "; did you mean MIT?" for a near miss such as "mit" or "Apache 2", else nothing. */
export function licenseSuggestion(value: string): string {
  const corrected = correctSpdx(value);
  return corrected && corrected !== value ? ` (did you mean ${corrected}?)` : '';
}

/** A licence a source wrote (a plugin's manifest, a skill's frontmatter) as an SPDX expression, corrected where it is a near miss; undefined for free text ("see LICENSE.txt"). */
export function licenseFromSource(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (isLicenseExpression(trimmed)) return trimmed;
  const corrected = correctSpdx(trimmed);
  return corrected && isLicenseExpression(corrected) ? corrected : undefined;
}
