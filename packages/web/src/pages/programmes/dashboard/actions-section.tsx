// Placeholder: being built by the you-said-we-did helper (issue 10). Replace this file.
export function ActionsSection() {
  return null;
}
