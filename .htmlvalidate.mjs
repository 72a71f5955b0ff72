export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Formatting, not validity: the HTML is generated.
    'no-trailing-whitespace': 'off',
    // The header search is an ARIA 1.2 combobox with a listbox of rich options, which <select> cannot show.
    'prefer-native-element': ['error', { exclude: ['combobox', 'listbox'] }],
    // src/lib/pageTitle.ts keeps titles within 70 characters; this rule counts
    // an escaped "<" in a persona's name as four.
    'long-title': 'off',
  },
};
