// The values typed into a persona page's fill-in fields, by variable name.
export function currentValues(): Record<string, string> {
  const inputs = document.querySelectorAll<HTMLInputElement>('[data-prompt-variables] input[name]');
  return Object.fromEntries([...inputs].map((input) => [input.name, input.value]));
}
